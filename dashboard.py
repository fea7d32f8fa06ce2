"""Entry point: ``streamlit run dashboard.py``.

Each run settles the language, then either shows one chart alone (``?embed=true&chart=<id>``, for
iframes in articles) or draws the shell (navigation, language switch, share link) and runs the
chosen page. Served, the same file is the ASGI app (at the bottom): link previews, gzip, and
the oEmbed endpoint.
"""

import logging
import os

import streamlit as st

from components.data.package import MissingTableError
from components.text.i18n import t
from components.ui import embed, shell

log = logging.getLogger("dashboard")
# The tests set DASHBOARD_STRICT=1 so that a fault a reader would see as a notice fails them.
STRICT = os.environ.get("DASHBOARD_STRICT") == "1"


def run_safely(page, lang) -> None:
    """Run a page; a fault shows a readable notice in the reader's language, never a traceback."""
    try:
        page.run()
    except MissingTableError as error:
        # A table with problems was left out on loading (its notice is already shown): expected
        # while the data is broken, so it is a notice and not a fault, even in the tests.
        log.warning("page %s needs the missing table %s", page.url_path, error.args[0])
        st.warning(t("error.data_missing", lang, table=error.args[0]), icon=":material/warning:")
    except Exception:  # st.stop and st.rerun are BaseExceptions and pass through
        log.exception("page %s failed", page.url_path)
        st.error(t("error.page_title", lang), icon=":material/error:")
        st.write(t("error.page_body", lang))
        if STRICT:
            raise


def main() -> None:
    """One run of the app for one reader."""
    lang = shell.choose_lang()
    st.set_page_config(
        page_title=t("app.title", lang),
        page_icon=str(shell.ICON_PATH),
        layout="wide",
        initial_sidebar_state="auto",
    )
    if embed.requested():
        run_safely(st.navigation([st.Page(lambda: embed.render(lang), title=t("app.title", lang),
                                          url_path="chart", default=True)], position="hidden"),
                   lang)
        return
    page = st.navigation(shell.navigation_pages(lang), position="hidden")
    with st.sidebar:
        shell.site_links(lang)
        shell.language_switch(lang)
    run_safely(page, lang)
    with st.sidebar:
        # After the page: its controls have written the view into the URL by now.
        shell.share_link(lang)
        st.caption(t("shell.about", lang))


if __name__ == "__main__":  # Streamlit running this file as the app's script
    main()
else:
    # `streamlit run dashboard.py` first imports this file to look for an ASGI app to serve: this
    # one runs this same file as its script, and gives each page's HTML its own link preview.
    from starlette.middleware import Middleware
    from starlette.responses import FileResponse, PlainTextResponse
    from starlette.routing import Route

    from components.map.geometry import GEOMETRY_PATH, GEOMETRY_URL_PATH
    from components.publish import first_paint, oembed
    from components.streamlit_compat import tcp_nodelay
    from components.streamlit_compat.bundle_fixes import FrontendFixes
    from components.web.compression import Compression
    from components.web.link_previews import LinkPreviews

    # Streamlit has bound the app's socket by now, with Nagle's algorithm left on.
    tcp_nodelay.set_on_listening_sockets()

    async def country_shapes(request):
        # The map's shapes, which its figures name by this address: a day in the browser's cache.
        return FileResponse(GEOMETRY_PATH, media_type="application/json",
                            headers={"Cache-Control": "public, max-age=86400"})

    async def first_paint_image(request):
        # A live embed's first image (components/publish/first_paint.py): its name changes with its
        # content, so a browser keeps it for a year.
        path = first_paint.image_path(request.path_params["name"])
        if path is None or not path.is_file():
            return PlainTextResponse("no such image", status_code=404)
        return FileResponse(path, media_type=first_paint.MEDIA_TYPES.get(path.suffix),
                            headers={"Cache-Control": "public, max-age=31536000, immutable"})

    # Compression outermost: it compresses the HTML link previews rewrite and the bundles the
    # front-end fixes change, too.
    app = st.App(__file__, routes=[Route(GEOMETRY_URL_PATH, country_shapes),
                                   Route(f"{first_paint.URL_PATH}/{{name}}", first_paint_image),
                                   *oembed.routes()],
                 middleware=[Middleware(Compression), Middleware(FrontendFixes),
                             Middleware(LinkPreviews)])
