"""User settings: `instellingen.yaml` in the user config folder ($XDG_CONFIG_HOME/briefing on
Linux). Keys are Dutch and documented below. A bad file never stops briefing: every problem
becomes a clear Dutch message, and the affected setting keeps its default."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from rapidfuzz import fuzz, process

log = logging.getLogger(__name__)

APP_NAME = "briefing"
SETTINGS_FILE = "instellingen.yaml"
MAX_SETTINGS_BYTES = 1_000_000  # a settings file is a few lines; anything bigger is a mistake

_YES = {"ja", "j", "aan", "waar", "yes", "true", "on", "1"}
_NO = {"nee", "n", "uit", "onwaar", "no", "false", "off", "0"}


class Settings(BaseModel):
    """The user's settings. Each field's description is the documentation users see in
    `default_settings_yaml()`."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    record_misses: bool = Field(
        default=False,
        alias="gemiste_vragen_bijhouden",
        description=(
            "Houd vragen bij waarop de live-app geen zeker antwoord vond, zodat u er later "
            "antwoorden of varianten bij kunt schrijven (briefing misses). Alleen op deze "
            "computer, nooit verstuurd. Standaard uit."
        ),
    )

    record_choices: bool = Field(
        default=False,
        alias="keuzes_bijhouden",
        description=(
            "Houd bij welk antwoord u kiest (kopieert of vastpint) na een vraag, vooral als "
            "dat niet het eerste antwoord was, zodat briefing learn die vraag als variant bij "
            "de kaart kan voorstellen. Alleen op deze computer, nooit verstuurd. Standaard uit."
        ),
    )

    knowledge_base: str | None = Field(
        default=None,
        alias="kennisbank",
        description=(
            "De map met uw kennisbank, als u niet steeds --kb wilt typen (bijvoorbeeld "
            "~/kennisbank). Een relatief pad telt vanaf de map van dit bestand. --kb en "
            "BRIEFING_KB gaan voor; zie briefing --help."
        ),
    )

    @field_validator("knowledge_base", mode="before")
    @classmethod
    def _folder(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and value.strip()):
            return value.strip() if isinstance(value, str) else value
        raise ValueError("verwacht het pad van een map (bijvoorbeeld ~/kennisbank)")

    @field_validator("record_misses", "record_choices", mode="before")
    @classmethod
    def _dutch_bool(cls, value: Any) -> Any:
        # Advisers write 'ja'/'nee'; YAML only knows true/false.
        if isinstance(value, str):
            folded = value.strip().lower()
            if folded in _YES:
                return True
            if folded in _NO:
                return False
            raise ValueError("verwacht ja of nee (true/false)")
        return value


def config_dir() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def _keys() -> dict[str, str]:
    """YAML key -> attribute name."""
    return {(f.alias or name): name for name, f in Settings.model_fields.items()}


def read_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The settings and a list of Dutch problems (empty when all is well). Never raises:
    a missing file means defaults; a bad key or value is skipped with a message."""
    path = path or settings_path()
    problems: list[str] = []
    try:
        if not path.is_file():
            return Settings(), problems
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return Settings(), [f"{path}: bestand is te groot voor instellingen; standaardwaarden gebruikt"]
        raw = path.read_bytes()
    except OSError as exc:
        return Settings(), [f"{path}: kan het bestand niet lezen ({exc.strerror or exc}); "
                            "standaardwaarden gebruikt"]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Settings(), [f"{path}: geen UTF-8-tekst; sla het op als UTF-8. Standaardwaarden gebruikt"]
    # The knowledge files' safe parser: depth bounded before parsing, impossible dates stay text,
    # no tags or aliases (yaml.safe_load crashed on 30,000 nested brackets and on 2024-02-30).
    from briefing.model.yamlsource import YamlFileError, parse_yaml

    try:
        data, _ = parse_yaml(path, text)
    except YamlFileError as exc:
        if exc.problem.message == "bestand is leeg":
            return Settings(), problems
        message = exc.problem.message
        if not message.startswith("ongeldige YAML"):
            message = f"ongeldige YAML ({message})"
        return Settings(), [f"{exc.problem.location()}: {message}; standaardwaarden gebruikt"]
    if data is None:
        return Settings(), problems
    if not isinstance(data, dict):
        return Settings(), [f"{path}: verwacht regels als 'sleutel: waarde'; standaardwaarden gebruikt"]

    keys = _keys()
    good: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str) or key not in keys:
            hint = process.extractOne(str(key), list(keys), scorer=fuzz.WRatio, score_cutoff=60)
            problems.append(f"{path}: onbekende instelling '{key}'"
                            + (f"; bedoelde u '{hint[0]}'?" if hint else "") + " (genegeerd)")
            continue
        try:
            Settings.model_validate({key: value})
        except ValidationError as exc:
            error = exc.errors()[0]
            if error.get("type") == "value_error":  # our own validators speak Dutch
                reason = str(error.get("msg", "")).removeprefix("Value error, ")
            elif str(error.get("type", "")).startswith("bool"):
                reason = "verwacht ja of nee (true/false)"
            else:
                reason = "ongeldige waarde"
            problems.append(f"{path}: ongeldige waarde voor '{key}': {value!r} ({reason}); "
                            "standaardwaarde gebruikt")
            continue
        good[key] = value
    return Settings.model_validate(good), problems


def load_settings(path: Path | None = None) -> Settings:
    """The settings; problems go to the log (callers that show them use read_settings)."""
    try:
        settings, problems = read_settings(path)
    except Exception:  # a settings file must never take the desk down
        log.exception("instellingen niet te lezen; standaardwaarden gebruikt")
        return Settings()
    for problem in problems:
        log.warning("%s", problem)
    return settings


def default_settings_yaml() -> str:
    """A documented settings file with the defaults, to copy into instellingen.yaml."""
    import textwrap

    lines = ["# Instellingen voor briefing. Verwijder een regel om de standaardwaarde te gebruiken."]
    defaults = Settings()
    for name, info in Settings.model_fields.items():
        lines.append("")
        lines += [f"# {part}" for part in textwrap.wrap(info.description or "", 92)]
        value = getattr(defaults, name)
        if isinstance(value, bool):
            shown = "true" if value else "false"
        elif value is None:
            shown = "null"
        else:
            shown = yaml.safe_dump(value, default_flow_style=True).strip().removesuffix("...").strip()
        lines.append(f"{info.alias or name}: {shown}")
    return "\n".join(lines) + "\n"
