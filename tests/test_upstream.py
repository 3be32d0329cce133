"""Contract tests: each adapter accepts the installed upstream and fails loudly on a changed one.

A changed upstream is made from the real installed files (a copy of Material's
templates with one thing changed, a real config with one option changed), so
each test shows the exact message a maintainer would meet after an upgrade.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT
from zhguide.upstream import ContractError, i18n, material, material_browser, require_version
from zhguide.upstream import mkdocs as mkdocs_adapter

pytestmark = pytest.mark.pure


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """A copy of Material's installed templates (without its fonts and icons), to change."""
    copy = tmp_path / "templates"
    ignored = shutil.ignore_patterns(".icons", "fonts", "*.map", "lunr")
    shutil.copytree(material.templates(), copy, ignore=ignored)
    return copy


def test_every_adapter_accepts_the_installed_upstream(config) -> None:
    for adapter in (mkdocs_adapter, i18n, material):
        adapter.check(config)
    worker = material_browser.search_worker()
    assert worker.path.startswith("assets/javascripts/workers/search.")
    assert (worker.setup, worker.ready, worker.query, worker.result) == (0, 1, 2, 3)


@pytest.mark.parametrize(
    ("adapter", "distribution", "written_for"),
    [
        ("mkdocs", "mkdocs", mkdocs_adapter.WRITTEN_FOR),
        ("i18n", "mkdocs-static-i18n", i18n.WRITTEN_FOR),
        ("material", "mkdocs-material", material.WRITTEN_FOR),
    ],
)
def test_a_version_outside_the_range_fails_loudly(adapter, distribution, written_for) -> None:
    with pytest.raises(ContractError, match=rf"upstream/{adapter}\.py: {distribution} .*99\.0 is outside"):
        require_version(adapter, distribution, written_for, found="99.0")


def test_renumbered_worker_messages_are_read_not_guessed() -> None:
    source = material_browser.search_worker_source()
    renumbered = source.replace("case 0:return", "case 7:return").replace("case 2:let", "case 9:let")
    renumbered = renumbered.replace("try{return{type:3,", "try{return{type:4,")
    renumbered = renumbered.replace("{type:1}", "{type:5}")
    assert material_browser.protocol(renumbered) == (7, 5, 9, 4)


def test_a_restructured_worker_fails_the_build() -> None:
    source = material_browser.search_worker_source().replace(".search(", ".query(")
    with pytest.raises(ContractError, match=r"material_browser\.py: mkdocs-material .*setup and query"):
        material_browser.protocol(source)


def test_a_renamed_worker_fails_the_build(templates: Path) -> None:
    worker = next((templates / material_browser.WORKERS).glob("search.*.min.js"))
    worker.rename(worker.with_name("search.0123abcd.min.js"))
    with pytest.raises(ContractError, match=r"base\.html no longer names its search worker"):
        material_browser.search_worker(templates)


def test_a_bundle_that_renders_results_differently_fails_the_build(templates: Path) -> None:
    """The guide's ranking answers queries in the result format the bundle renders."""
    bundle = next((templates / "assets" / "javascripts").glob("bundle.*.min.js"))
    bundle.write_text(bundle.read_text("utf-8").replace('"data-md-score":', '"data-score":'), "utf-8")
    with pytest.raises(ContractError, match='bundle no longer uses "data-md-score":'):
        material_browser.search_worker(templates)


def test_a_bundle_that_fetches_differently_fails_the_build(templates: Path) -> None:
    bundle = next((templates / "assets" / "javascripts").glob("bundle.*.min.js"))
    bundle.write_text(bundle.read_text("utf-8").replace("XMLHttpRequest", "fetch"), "utf-8")
    with pytest.raises(ContractError, match="bundle no longer uses XMLHttpRequest"):
        material_browser.search_worker(templates)


@pytest.mark.parametrize("forked", sorted(material.FORKED))
def test_a_changed_forked_template_fails_the_build(templates: Path, forked: str) -> None:
    material.check_forks(templates)
    (templates / forked).write_text((templates / forked).read_text("utf-8") + "\n", "utf-8")
    with pytest.raises(ContractError, match=f"its {forked} changed since .* forked it"):
        material.check_forks(templates)


def test_a_missing_string_set_fails_the_build(templates: Path) -> None:
    (templates / "partials" / "languages" / "zh-TW.html").unlink()
    with pytest.raises(ContractError, match="string sets zh-TW are gone"):
        material.check_forks(templates)


def test_headings_written_differently_fail_the_build() -> None:
    link = '<a class="headerlink" href="#probe-id" title="L">&para;</a>'
    mkdocs_adapter.check_markup(f'<h2 id="probe-id">T{link}</h2>')
    with pytest.raises(ContractError, match=r"upstream/mkdocs\.py: markdown .*writes headings differently"):
        mkdocs_adapter.check_markup('<h2 id="probe-id">T' + link.replace(' title="L"', "") + "</h2>")


def test_static_i18n_must_be_configured_as_the_variants_need(tmp_path: Path) -> None:
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    changed = tmp_path / "mkdocs.yml"
    changed.write_text(text.replace("fallback_to_default: true", "fallback_to_default: false"), "utf-8")
    for folder in ("docs", "overrides"):
        (tmp_path / folder).symlink_to(ROOT / folder)
    with pytest.raises(ContractError, match=r"upstream/i18n\.py: .*fallback_to_default: true"):
        i18n.check(load_config(str(changed)))


def test_the_languages_are_read_from_mkdocs_yml(config) -> None:
    languages = i18n.languages(config)
    assert [(lang.locale, lang.prefix, lang.opencc) for lang in languages if lang.build][:2] == [
        ("zh-Hans", "", None),
        ("zh-Hant", "zh-Hant/", "s2tw"),
    ]


def test_built_page_markup_the_scripts_read_fails_loudly_when_it_changes() -> None:
    page = '<article class="md-content__inner md-typeset"><h1 id="x">X</h1></article>'
    assert material.in_built_page(material.ARTICLE, page, "overdue/index.html") == '<h1 id="x">X</h1>'
    changed = page.replace("md-content__inner", "md-content__body")
    with pytest.raises(ContractError, match=r"overdue/index\.html has no .*page markup changed"):
        material.in_built_page(material.ARTICLE, changed, "overdue/index.html")
