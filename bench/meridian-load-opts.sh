# Sourced by run.sh and load-ab.sh: the JVM options ./meridian load gives Meridian's load for a heap
# (see the meridian script): the throughput collector from 1 GiB up, and less inlining of compiled
# code at any heap. BENCH_MERIDIAN_LOAD_OPTS, when set (even empty), replaces them.
meridian_load_opts() { # HEAP
  if [ -n "${BENCH_MERIDIAN_LOAD_OPTS+set}" ]; then echo "$BENCH_MERIDIAN_LOAD_OPTS"
  else case $1 in *[gG]) echo -XX:+UseParallelGC -XX:InlineSmallCode=250 ;; *) echo -XX:InlineSmallCode=250 ;; esac; fi
}
