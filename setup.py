"""The one thing pyproject.toml cannot say: the example knowledge base, kept at the top level in
knowledge/ (where `make run` and the tests use it), ships inside the package as the read-only
package data briefing/voorbeeld/. A package-dir mapping, so git holds one copy and the wheel the
other; tests/packaging checks that the wheel carries every file of knowledge/."""

from setuptools import find_packages, setup

EXAMPLE = "briefing.voorbeeld"

setup(
    # Data-only packages (no __init__.py): the registers, and dossiers/. Their files are listed
    # under [tool.setuptools.package-data] in pyproject.toml.
    packages=[*find_packages(include=["briefing", "briefing.*"]), EXAMPLE, f"{EXAMPLE}.dossiers"],
    package_dir={EXAMPLE: "knowledge"},
)
