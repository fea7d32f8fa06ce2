"""The Timeline page: announced until its charts land."""

from components import shell
from components.loading import load_data

lang = shell.current_lang()
load_data(lang)
shell.page_header("nav.timeline", "timeline.coming", lang)
