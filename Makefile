# The README's commands. `make demo` and `make test` each install what is missing, build and run.
BUILD      ?= build
BUILD_ASAN ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE      ?= cmake
DEMO_DB    ?= $(BUILD)/demo.db

.PHONY: all deps build build-asan demo test test-fast test-asan format check-format clean

all: build

deps:
	./scripts/install-deps.sh
	./scripts/install-browser-deps.sh

build: deps
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTACHE_WERROR=ON
	$(CMAKE) --build $(BUILD) -j$(JOBS)

build-asan: deps
	$(CMAKE) -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DATTACHE_WERROR=ON -DATTACHE_SANITIZE=ON
	$(CMAKE) --build $(BUILD_ASAN) -j$(JOBS)

# Index the bundled corpus and run example searches.
demo: build
	./scripts/demo.sh $(BUILD)/app/attache $(DEMO_DB)

# The whole suite: the normal build, then the same tests under AddressSanitizer + UBSan.
test: test-fast test-asan

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-asan: build-asan
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    ctest --output-on-failure -j$(JOBS) -LE no-asan

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

check-format:
	git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)

# The benchmark suite against scriptindex, SQLite FTS5 and PostgreSQL (docs/benchmarks.md).
# Not part of `make test`. SIZE = articles to generate (10000, 100000, 1000000).
.PHONY: bench
SIZE ?= 10000
bench: build
	./scripts/install-bench-deps.sh
	python3 bench/run --size $(SIZE) --build $(BUILD)
