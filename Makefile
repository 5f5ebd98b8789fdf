# The two commands a newcomer needs on a fresh Debian 12 machine:
#   make run   — install, build (Release), create the demo register if absent, serve :8080
#   make test  — install, build with AddressSanitizer + UBSan (and Release), run every test
# Everything else is a convenience over CMake presets (CMakePresets.json).
SHELL := /bin/bash
DEMO_DB   := data/demo.db
PORT      ?= 8080

.PHONY: run test deps release dev bench conformance clean fuzz fuzz-build

deps:
	@scripts/install-deps

release: deps
	cmake --preset release
	cmake --build --preset release

run: release
	@mkdir -p data
	@# A file that holds no register (no municipality row: e.g. made by serving a path before the
	@# demo existed) is no demo: it is rebuilt. A finished town appears only when complete.
	@if [ -f $(DEMO_DB) ] && [ "$$(sqlite3 $(DEMO_DB) 'SELECT count(*) FROM municipality' 2>/dev/null)" != 1 ]; then \
	  echo "$(DEMO_DB) は台帳ではないため、デモの町を作り直します。"; rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm; fi
	@test -f $(DEMO_DB) || (build/release/app/jrr sample --db $(DEMO_DB) --residents 10000 --seed 1 && \
	  echo "デモ職員（役割ごと。初回ログインでパスワードを変更し、認証アプリを登録します）:" && \
	  scripts/demo-staff build/release/app/jrr $(DEMO_DB) && \
	  echo "  http://127.0.0.1:$(PORT)/login でログインします（再発行は jrr user --db $(DEMO_DB) reset-password --id ID の後、jrr user --db $(DEMO_DB) approve --request 番号 --operator demo）。")
	build/release/app/jrr serve --db $(DEMO_DB) --port $(PORT)

dev: deps
	cmake --preset dev
	cmake --build --preset dev

# The Release build is built too, so a change that breaks `make run` (GCC's -O3 warnings differ
# from the sanitizer build's) fails `make test` as well. Every fuzz target runs for 10 s.
test: dev release fuzz-build
	python3 scripts/conformance.py
	ctest --preset dev
	ctest --preset fuzz
	@echo "make test: all suites passed"

# The libFuzzer targets (clang, AddressSanitizer, UBSan): tests/fuzz.
fuzz-build: deps
	cmake --preset fuzz
	cmake --build --preset fuzz

# Each fuzz target for FUZZ_SECONDS (default 600), one after the other; what each learns stays in
# build/fuzz/corpus, a crash in build/fuzz/artifacts. Record the hours run in docs/security.md.
FUZZ_SECONDS ?= 600
fuzz: fuzz-build
	cmake -DJRR_FUZZ_SECONDS=$(FUZZ_SECONDS) build/fuzz
	ctest --test-dir build/fuzz -L fuzz -j1 --output-on-failure --timeout $$(( $(FUZZ_SECONDS) + 120 ))

bench: deps
	cmake --preset bench
	cmake --build --preset bench
	build/bench/bench/jrr_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

conformance:
	python3 scripts/conformance.py

clean:
	rm -rf build
