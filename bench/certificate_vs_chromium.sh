#!/usr/bin/env bash
# Issue 6's comparison, side by side in one run: a one-page 住民票の写し (世帯連記式, four members)
# by jrr's cairo/pango renderer in a warm process (Google Benchmark, read + fill + render) and the
# same page printed from equivalent HTML by a warm headless Chromium (playwright-core page.pdf()).
# Usage: bench/certificate_vs_chromium.sh [ITERATIONS]   (after `make bench`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jrr="$root/build/bench/app/jrr"
bench="$root/build/bench/bench/jrr_bench"
work="$(mktemp -d /tmp/jrr-cert-vs-chromium-XXXXXX)"
trap 'rm -rf "$work"' EXIT
iterations="${1:-200}"

"$jrr" init --db "$work/r.db" --municipality-code 990001 --name 架空市 >/dev/null
cat > "$work/family.json" <<'JSON'
{"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
 "persons":[
  {"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ","birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主","domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
  {"family_name":"架空","given_name":"花子","family_kana":"カクウ","given_kana":"ハナコ","birth_date":"昭和57年6月15日","sex":"female","relationship":"妻","domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
  {"family_name":"架空","given_name":"次郎","family_kana":"カクウ","given_kana":"ジロウ","birth_date":"平成22年1月8日","sex":"male","relationship":"子","domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
  {"family_name":"架空","given_name":"𠮷子","family_kana":"カクウ","given_kana":"ヨシコ","birth_date":"平成24年3月3日","sex":"female","relationship":"子","domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}}],
 "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
 "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号","katagaki":"さくら荘101"}}
JSON
"$jrr" apply --db "$work/r.db" "$work/family.json" >/dev/null
"$jrr" settings --db "$work/r.db" add-certifier --role mayor --title 架空市長 --name '架空　太郎' --from 2020-04-01 >/dev/null
"$jrr" certificate --db "$work/r.db" layout --person 0000000019 --household --with zokugara,honseki > "$work/layout.txt"

echo "== jrr (cairo/pango), warm process"
JRR_BENCH_CERT_DB="$work/r.db" JRR_BENCH_CERT_PERSON=0000000019 "$bench" \
  --benchmark_filter='BM_Certificate' --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_format=console | tee "$work/jrr.txt"
echo "== Chromium page.pdf(), warm browser"
node "$root/bench/chromium_pdf.mjs" "$work/layout.txt" "$iterations" | tee "$work/chromium.txt"
jrr_ms=$(awk '/BM_CertificateReadFillRender.*_median/ {print $2}' "$work/jrr.txt")
chromium_ms=$(awk '/chromium_page_pdf_median_ms/ {print $2}' "$work/chromium.txt")
echo "== ratio (Chromium median / jrr median): $(python3 -c "print(round($chromium_ms / $jrr_ms, 1))")x"
