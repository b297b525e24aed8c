"""The one thing pyproject.toml cannot say: the example knowledge base, kept at the top level in
knowledge/ (where `make run` and the tests use it), ships inside the package as the read-only
package data briefing/voorbeeld/. A package-dir mapping, so git holds one copy and the wheel the
other; tests/packaging checks that the wheel carries every file of knowledge/."""

from setuptools import find_namespace_packages, setup

EXAMPLE = "briefing.voorbeeld"

setup(
    # Namespace discovery, as [tool.setuptools.packages.find] did: folders without __init__.py
    # (briefing/app/styles with the .tcss) are packages too. The example's two folders are
    # data-only packages; their files are listed under [tool.setuptools.package-data].
    packages=[*find_namespace_packages(
        include=["briefing", "briefing.*"], exclude=["*.__pycache__"]), EXAMPLE,
              f"{EXAMPLE}.dossiers"],
    package_dir={EXAMPLE: "knowledge"},
)
