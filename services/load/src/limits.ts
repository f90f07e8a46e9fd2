/**
 * Every bound on what one `faces load` run (or one load-tester webhook) may ask for, in one place.
 * A run's memory is set by its workers (one connection and one request in flight each; latencies
 * go to a fixed-size histogram, so -n and -z cost time, not memory), plus one copy of the body.
 * The bounds are generous for workshops (`-z 2m -q 10 -c 2`; Flagger's docs `-z 1m -q 10 -c 2`)
 * and keep a run inside the load tester's pod (k8s/loadtester: 256 MiB).
 */

/** -c: 1000 kept-alive connections measured about 60 MiB of resident memory on loopback here. */
export const MAX_WORKERS = 1000;

/**
 * -q, per worker: Node's timers tick in whole milliseconds, so no worker is paced faster than one
 * request a millisecond; above that, -q 0 ("as fast as answers come") is the honest spelling.
 */
export const MAX_RATE_PER_WORKER = 1000;

/** -z: a day, the longest TASK_TIMEOUT_SECONDS the load tester takes, so it can run any -z it accepts. */
export const MAX_DURATION_MS = 24 * 3_600_000;

/** -n: 10 million, about 17 minutes at the 10,000 requests a second one Node process sends here; longer runs use -z. */
export const MAX_REQUESTS = 10_000_000;

/**
 * -t, in seconds: an hour. A request slower than that is not load, and the bound keeps the
 * timeout far below Node's largest timer (2^31 - 1 ms, about 24.8 days), past which a timer
 * fires at once.
 */
export const MAX_TIMEOUT_SECONDS = 3600;

/** -cpus: accepted for hey compatibility and unused; bounded only so that no number is unbounded. */
export const MAX_CPUS = 1024;

/**
 * -d, in UTF-8 bytes: 128 KiB, the most Linux passes as one argument (MAX_ARG_STRLEN), so no
 * body real hey can be given on a command line is refused. Flagger's load tester runs the whole
 * `cmd` as one `bash -c` argument, so its bodies are smaller still.
 */
export const MAX_BODY_BYTES = 128 * 1024;

/**
 * -H, -A, -T, -U and -host together, counted as `Name: value\r\n`: 16 KiB, Node's default
 * --max-http-header-size, so a Node target would answer 431 to more.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Load-tester runs going at once (cmd and bash together): room for a background run and a
 * blocking check for each of several canaries (the workshop has three: face, smiley, color).
 */
export const MAX_RUNS = 16;

/** Workers of all the load tester's runs together: as many as one run may have (MAX_WORKERS). */
export const MAX_RUNNING_WORKERS = MAX_WORKERS;

/**
 * Largest webhook body the load tester reads: 1 MiB, Fastify's default, made explicit. It holds
 * a `cmd` with the largest -d and -H above many times over; a larger body is answered 413.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;
