"""A small fictitious contact directory that the web tests load with the real command."""

from __future__ import annotations

from tests.web.helpers import invoke

DIRECTORY = """\
contacts:
  - country: FR
    name: Demo Liaison Office for France
    phone: "+44 20 7946 0011"
    email: liaison-fr@example.org
    url: https://example.org/demo-liaison/fr
    notes:
      en: Fictitious office, open around the clock.
      ar: مكتب وهمي يعمل على مدار الساعة.
  - country: LV
    name: Demo Liaison Office for Latvia
    email: liaison-lv@example.net
    notes:
      ru: Вымышленное бюро.
"""
ADVICE = (
    "If you have information, contact your local police or call your emergency number. "
    "Never approach the person yourself."
)


def load_directory(app, tmp_path, text: str = DIRECTORY) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text(text, encoding="utf-8")
    invoke(app, ["contacts", "load", str(path)])
