# Two commands do everything on a fresh machine with only Python 3.11+:
#   make demo   align every article of the bundled sample project, print the summaries and
#               export each as a publication-ready build/<slug>.docx
#   make test   run the whole test suite
# Both create .venv and install editflow into it on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: demo test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	@set -e; for orig in originals/*.uk.*; do \
	  slug=$$(basename "$$orig"); slug=$${slug%%.uk.*}; \
	  trans=$$(ls translations/$$slug.en.* 2>/dev/null | head -n 1); \
	  if [ -z "$$trans" ]; then echo "== $$slug: no translation, skipped"; continue; fi; \
	  echo "== $$slug"; \
	  $(BIN)/editflow align "$$orig" "$$trans" --glossary glossary/ 2>&1; \
	  $(BIN)/editflow export "translations/$$slug.po" --publication 2>&1; \
	done

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) build .pytest_cache
