#!/usr/bin/env bash
# Records the search benchmark's tabular problem (scripts/search-bench.sh replays it): every
# configuration of conf/bench-tabular.conf trained 9 epochs by a grid sweep (about 20 minutes on
# 2 cores), then one row per configuration into src/test/resources/search-bench/digits.csv, in
# plain columns any tool reads: the hyperparameters, how the trial ended, its seconds per epoch,
# then the validation MSE after each epoch (empty after a trial stopped).
#   scripts/record-tabular.sh [overrides...]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-data.sh
scripts/run-local.sh sweep --conf conf/bench-tabular.conf "$@"
epochs=$(seq -s, 1 9 | sed -E 's/([0-9]+)/max(CASE WHEN e.epoch = \1 THEN round(e.val_mse, 6) END) AS epoch_\1/g')
out=src/test/resources/search-bench/digits.csv
scripts/run-local.sh sql results/tabular --format csv "SELECT t.model, t.filters, t.batch_norm, t.loss,
  t.learning_rate, t.batch_size, t.status, round(t.seconds_per_epoch, 3) AS seconds_per_epoch, $epochs
  FROM trials t LEFT JOIN epochs e ON e.trial_id = t.trial_id AND e.phase = 'search'
  GROUP BY t.trial_id, t.model, t.filters, t.batch_norm, t.loss, t.learning_rate, t.batch_size, t.status,
    t.seconds_per_epoch
  ORDER BY t.trial_id" > "$out.part"
mv "$out.part" "$out"
echo "wrote $out: $(($(wc -l < "$out") - 1)) configurations"
