# The README's quick start: `make run` checks every registered model and writes its traces and
# reports; `make test` runs the test suite. Both install Debian's libz3-dev when it is missing.
SHELL := /bin/bash
SWIFT ?= swift

.PHONY: run test examples bench deps test-deps clean report-check fault

deps:
	@if [ ! -f /usr/include/z3.h ]; then \
		echo "installing libz3-dev"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libz3-dev) >/dev/null || \
		{ echo "could not install libz3-dev (run as root, or install it yourself)"; exit 1; }; \
	fi

# The SARIF test validates against the schema with python3's jsonschema.
test-deps: deps
	@if ! python3 -c 'import jsonschema' 2>/dev/null; then \
		echo "installing python3-jsonschema"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema) >/dev/null || \
		{ echo "could not install python3-jsonschema (run as root, or install it yourself)"; exit 1; }; \
	fi

# The bound is ReportSettings.committed (a state bound, no clock): the files do not depend on the machine.
run: deps
	$(SWIFT) build -c release
	.build/release/protocheck report all --output . --expectations

# Renders Reports/attested-k.html and the report with the widest diagram in headless Chromium: the
# sequence diagram is drawn, and nothing pushes the page past its right edge.
report-check:
	bash scripts/report-check.sh

# The suite, then the example package: a user's package that stops building fails the tests too.
test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) examples

# Examples/ChallengeResponse, a user's own package on this checkout (docs/modelling.md, "Your own
# package"): its CI script builds it, checks its models against its committed expectations, replays
# an attack and checks that its committed attacks/ and Reports/ are current. `make test` ends with it.
examples: deps
	bash Examples/ChallengeResponse/ci.sh

bench: deps
	$(SWIFT) build -c release
	bash scripts/bench.sh
	bash scripts/peak-memory.sh

clean:
	rm -rf .build

# Signals at random times during searches and reports, and malformed inputs, against the binary:
# prints inputs tried, signals sent and crashes (all must be 0 but the first two).
fault: deps
	$(SWIFT) build -c release
	bash scripts/signal-fuzz.sh
