# Two commands do everything on a fresh machine with only Python 3.11+:
#   make demo   build the bundled sample project: align every article, check it, export
#               build/<slug>.docx (publication) and build/<slug>.review.docx (review),
#               then show the findings (the sample has planted mistakes: originals/README.md)
#   make test   run the whole test suite
#   make lint   ruff and mypy over src/ (CI runs it before the tests)
# Both create .venv and install editflow into it on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	@# editflow exits 1 when it finds error-level problems: the sample has some on purpose.
	@$(BIN)/editflow build; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@echo
	@$(BIN)/editflow check translations/*.po; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	@echo
	@echo "Word documents in build/: <slug>.docx to publish, <slug>.review.docx for the editor."

test: $(STAMP)
	$(BIN)/python -m pytest

LINT_STAMP := $(VENV)/.lint-stamp
$(LINT_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	@touch $(LINT_STAMP)

lint: $(LINT_STAMP)
	$(BIN)/ruff check src
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/pin_realign.py
	$(BIN)/python benchmarks/lexicon_speed.py
	$(BIN)/python benchmarks/glossary_accuracy.py
	$(BIN)/python benchmarks/check_noise.py
	$(BIN)/python benchmarks/numbers_accuracy.py
	$(BIN)/python benchmarks/numbers_accuracy.py --probes benchmarks/data/numbers_probes_2.txt
	$(BIN)/python benchmarks/numbers_noise.py
	$(BIN)/python benchmarks/export_speed.py
	$(BIN)/python benchmarks/review_speed.py
	$(BIN)/python benchmarks/build_speed.py
	$(BIN)/python benchmarks/sentence_align.py

clean:
	rm -rf $(VENV) build .editflow .pytest_cache
