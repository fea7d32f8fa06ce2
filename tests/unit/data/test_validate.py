"""The validator catches each kind of corruption an editor can make, naming file, row and column."""



from components.data.package import find_problems
from components.data.validate import main as validate_main
from components.paths import DATA_DIR
from tests.unit.shared import read_rows, write_rows


def set_cell(path, row, column, value):
    """Set one cell; ``row`` is the spreadsheet row number (the header is row 1)."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def problems_at(root):
    problems, _, _ = find_problems(root)
    return problems


def test_the_shipped_package_has_no_problems():
    assert problems_at(DATA_DIR) == []


def test_a_missing_column_is_named(package):
    rows = read_rows(package / "countries.csv")
    drop = rows[0].index("capital_en")
    write_rows(package / "countries.csv", [row[:drop] + row[drop + 1:] for row in rows])
    assert any(p.file == "countries.csv" and p.row == 1 and p.column == "capital_en"
               and "missing" in p.message for p in problems_at(package))


def test_an_impossible_date_is_named_with_its_row(package):
    set_cell(package / "events.csv", 3, "date", "2023-02-30")
    assert any(p.file == "events.csv" and p.row == 3 and p.column == "date"
               and "2023-02-30" in p.message for p in problems_at(package))


def test_an_unknown_country_code_is_named(package):
    set_cell(package / "memberships.csv", 4, "iso3", "XYZ")
    assert any(p.file == "memberships.csv" and p.row == 4 and p.column == "iso3"
               for p in problems_at(package))


def test_a_duplicate_key_is_named(package):
    rows = read_rows(package / "sectors.csv")
    write_rows(package / "sectors.csv", [*rows, rows[1]])
    assert any(p.file == "sectors.csv" and p.row == len(rows) + 1 and p.column == "sector_id"
               and "duplicate" in p.message for p in problems_at(package))


def test_an_end_before_the_start_is_named(package):
    rows = read_rows(package / "memberships.csv")
    row = next(n for n, r in enumerate(rows[1:], start=2) if r[rows[0].index("end_date")])
    set_cell(package / "memberships.csv", row, "end_date", "1900-01-01")
    assert any(p.file == "memberships.csv" and p.row == row and p.column == "end_date"
               and "before" in p.message for p in problems_at(package))


def test_an_unknown_source_id_is_named(package):
    set_cell(package / "events.csv", 2, "source_ids", "no-such-source")
    assert any(p.file == "events.csv" and p.row == 2 and p.column == "source_ids"
               and "no-such-source" in p.message for p in problems_at(package))


def test_a_row_without_a_source_is_named(package):
    set_cell(package / "statements.csv", 2, "source_ids", "")
    assert any(p.file == "statements.csv" and p.row == 2 and p.column == "source_ids"
               for p in problems_at(package))


def test_an_empty_file_is_named(package):
    (package / "blocs.csv").write_text("", encoding="utf-8")
    assert any(p.file == "blocs.csv" and "empty" in p.message for p in problems_at(package))


def test_a_file_that_is_not_utf8_is_named_with_its_row(package):
    path = package / "countries.csv"
    lines = path.read_bytes().split(b"\n")
    lines[4] = lines[4] + "Chișinău".encode("utf-16")
    path.write_bytes(b"\n".join(lines))
    assert any(p.file == "countries.csv" and p.row == 5 and "UTF-8" in p.message
               for p in problems_at(package))


def test_a_missing_file_is_named(package):
    (package / "sectors.csv").unlink()
    assert any(p.file == "sectors.csv" and "missing" in p.message for p in problems_at(package))


def test_a_truncated_file_is_named(package):
    path = package / "events.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    problems = problems_at(package)
    cut = [p for p in problems if p.file == "events.csv"]
    assert cut and all(p.row == cut[0].row for p in cut)
    # Each cell of the cut row is named once, in words, not as a constraint dump.
    assert len(set(problems)) == len(problems)
    assert not any("constraint" in p.message or "None" in p.message for p in cut)
    # Cut between quotes, the file is named at the line the open quote starts on; cut between
    # cells, each missing cell of the last row is named.
    assert any(p.message == "the value is missing" or "never closed" in p.message for p in cut)


def test_a_file_cut_off_inside_a_quoted_cell_is_named_with_its_line(package):
    path = package / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    quoted = next(number for number, line in enumerate(lines[1:], start=1) if '"' in line)
    path.write_text("".join(lines[:quoted]) + lines[quoted][:lines[quoted].index('"') + 5],
                    encoding="utf-8")
    [cut] = [p for p in problems_at(package) if p.file == "events.csv"]
    assert cut.row == quoted + 1 and cut.column is None and "never closed" in cut.message


def test_a_value_outside_its_list_names_the_allowed_values(package):
    set_cell(package / "sources.csv", 2, "language", "xx")
    assert any(p.file == "sources.csv" and p.row == 2 and p.column == "language"
               and p.message.startswith("'xx' is not one of the allowed values") and "'en'" in p.message
               for p in problems_at(package))


def test_an_id_of_the_wrong_form_shows_the_expected_form(package):
    set_cell(package / "sources.csv", 2, "source_id", "Bisnis_2023")
    assert any(p.file == "sources.csv" and p.row == 2 and p.column == "source_id"
               and "'Bisnis_2023' does not have the expected form" in p.message
               for p in problems_at(package))


def test_make_validate_checks_the_package_the_app_reads(package, monkeypatch, capsys):
    set_cell(package / "sources.csv", 2, "language", "xx")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(package))
    assert validate_main([]) == 1
    assert "sources.csv, row 2, column 'language'" in capsys.readouterr().out


def test_a_coordinate_out_of_range_is_named(package):
    set_cell(package / "countries.csv", 2, "capital_lat", "123.4")
    assert any(p.file == "countries.csv" and p.row == 2 and p.column == "capital_lat"
               for p in problems_at(package))


def test_overlapping_roles_in_one_bloc_are_named(package):
    rows = read_rows(package / "memberships.csv")
    header = rows[0]
    first = list(rows[1])
    first[header.index("role")] = "observer"
    write_rows(package / "memberships.csv", [*rows, first])
    assert any(p.file == "memberships.csv" and p.row == len(rows) + 1
               and "already holds" in p.message for p in problems_at(package))


def test_make_validate_exits_0_on_the_shipped_package(capsys):
    assert validate_main([str(DATA_DIR)]) == 0
    assert "valid" in capsys.readouterr().out


def test_make_validate_lists_every_problem_one_a_line_and_exits_1(package, capsys):
    set_cell(package / "events.csv", 3, "date", "2023-02-30")
    set_cell(package / "events.csv", 2, "source_ids", "no-such-source")
    assert validate_main([str(package)]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert "events.csv, row 2, column 'source_ids': unknown source id 'no-such-source'" in lines
    assert any(line.startswith("events.csv, row 3, column 'date':") for line in lines)


def statement_row(package, statement_id):
    rows = read_rows(package / "statements.csv")
    return next(n for n, r in enumerate(rows[1:], start=2) if r[0] == statement_id)


def test_a_claim_confirmed_only_by_the_claimants_side_is_refused(package):
    """C14, the Russian ministry's claim of fact, marked confirmed on Russian sources alone."""
    row = statement_row(package, "c14-sco-eaeu-invited-since-2017")
    set_cell(package / "statements.csv", row, "verification", "confirmed")
    set_cell(package / "statements.csv", row, "source_ids",
             "bisnis-2023-09-07~urdupoint-1387352~tass-1818647")
    found = [p for p in problems_at(package) if p.file == "statements.csv" and p.row == row]
    assert [p.column for p in found] == ["verification"]
    assert "independent of the claimant" in found[0].message and "russia" in found[0].message


def test_a_claim_confirmed_by_the_article_alone_is_refused(package):
    row = statement_row(package, "c01-lavrov-discussed-matters")
    set_cell(package / "statements.csv", row, "source_ids", "bisnis-2023-09-07")
    assert any(p.file == "statements.csv" and p.row == row and p.column == "verification"
               and "the article itself" in p.message for p in problems_at(package))


def test_a_claim_confirmed_by_another_side_is_accepted(package):
    """The ministry's claim of fact confirmed by the ASEAN Secretariat would pass."""
    row = statement_row(package, "c14-sco-eaeu-invited-since-2017")
    set_cell(package / "statements.csv", row, "verification", "confirmed")
    set_cell(package / "statements.csv", row, "source_ids", "bisnis-2023-09-07~asean-2005-04-21")
    assert not [p for p in problems_at(package) if p.file == "statements.csv"]


def test_a_publisher_without_its_kind_is_named(package):
    set_cell(package / "publishers.csv", 5, "kind", "")
    assert any(p.file == "publishers.csv" and p.row == 5 and p.column == "kind"
               and "missing" in p.message for p in problems_at(package))


def test_an_unknown_side_is_named(package):
    set_cell(package / "publishers.csv", 5, "side", "nato")
    assert any(p.file == "publishers.csv" and p.row == 5 and p.column == "side"
               for p in problems_at(package))


def test_an_unconfirmed_row_without_its_reason_is_named(package):
    rows = read_rows(package / "delegations.csv")
    header = rows[0]
    row = next(n for n, r in enumerate(rows[1:], start=2)
               if r[header.index("verification")] == "unconfirmed")
    set_cell(package / "delegations.csv", row, "caveat_id", "")
    assert any(p.file == "delegations.csv" and p.row == row and p.column == "caveat_id"
               for p in problems_at(package))


def test_a_row_showing_another_value_than_its_conflict_is_named(package):
    rows = read_rows(package / "memberships.csv")
    header = rows[0]
    row = next(n for n, r in enumerate(rows[1:], start=2)
               if r[header.index("conflict_id")] == "brunei-accession-date")
    set_cell(package / "memberships.csv", row, "start_date", "1984-01-08")
    assert any(p.file == "memberships.csv" and p.row == row and p.column == "start_date"
               and "brunei-accession-date" in p.message for p in problems_at(package))


def test_validate_names_file_row_and_column_of_a_self_confirmed_claim(package, capsys):
    row = statement_row(package, "c14-sco-eaeu-invited-since-2017")
    set_cell(package / "statements.csv", row, "verification", "confirmed")
    assert validate_main([str(package)]) == 1
    assert f"statements.csv, row {row}, column 'verification'" in capsys.readouterr().out


def test_a_claim_confirmed_in_part_names_the_part_in_both_languages(package):
    row = statement_row(package, "c01-lavrov-discussed-matters")
    set_cell(package / "statements.csv", row, "part_en", "")
    found = [p for p in problems_at(package) if p.file == "statements.csv" and p.row == row]
    assert [p.column for p in found] == ["part_en"] and "which part" in found[0].message


def test_only_a_claim_confirmed_in_part_names_a_part(package):
    row = statement_row(package, "c14-sco-eaeu-invited-since-2017")
    set_cell(package / "statements.csv", row, "part_id", "bagian")
    found = [p for p in problems_at(package) if p.file == "statements.csv" and p.row == row]
    assert [p.column for p in found] == ["part_id"]


def test_a_position_is_never_shown_as_confirmed(package):
    """C13, the ministry's own stance: no outside source can confirm it."""
    row = statement_row(package, "c13-asean-sco-eaeu-consolidation")
    set_cell(package / "statements.csv", row, "verification", "confirmed")
    set_cell(package / "statements.csv", row, "source_ids", "bisnis-2023-09-07~asean-2005-04-21")
    found = [p for p in problems_at(package) if p.file == "statements.csv" and p.row == row]
    assert [p.column for p in found] == ["verification"] and "position" in found[0].message


def test_a_claims_side_is_one_of_the_scheme(package):
    row = statement_row(package, "c08-volunteer-movement-proposal")
    set_cell(package / "statements.csv", row, "claimant_side", "")
    assert any(p.file == "statements.csv" and p.row == row and p.column == "claimant_side"
               for p in problems_at(package))
