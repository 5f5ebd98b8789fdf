// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include <Poco/Exception.h>
#include <Poco/Util/ServerApplication.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "cli_support.h"
#include "japan_clock.h"
#include "jrr/domain/core/explain.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/core/text.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/resident_record_code_pool.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/records/sqlite_remark_repository.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/sample/sample_register.h"
#include "jrr/web/server/web_server.h"
#include "register_services.h"
#include "register_text.h"

namespace jrr::cli {
namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;  // shown by --help and on bad use
  std::set<std::string> value_options;
  std::set<std::string> flag_options;
  std::size_t min_positional;
  std::size_t max_positional;
  std::function<int(const Args&, std::ostream&, std::ostream&)> run;
};

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"init",
       "台帳を作成する / create a register",
       "jrr init --db PATH --municipality-code CODE --name NAME\n"
       "  新しい台帳ファイルを作り、市区町村を記録します。CODE "
       "は検査数字付き6桁の地方公共団体コード\n"
       "  （架空の団体は 99 で始まるコード。例: 990001）。\n",
       {"db", "municipality-code", "name"},
       {},
       0,
       0,
       Init},
      {"serve",
       "窓口画面と API を提供する / serve the UI and API",
       "jrr serve --db PATH [--host 127.0.0.1] [--port 8080] [--threads 8] "
       "[--max-connections-per-client N]\n"
       "          [--tls-certificate CERT.pem --tls-key KEY.pem]\n"
       "  台帳を開き、HTTP で待ち受けます。既定ではこの端末（127.0.0.1）からのみ接続できます。\n"
       "  証明書と秘密鍵を指定すると HTTPS（TLS 1.2 以上）になり、セッション Cookie に Secure "
       "が付きます。\n"
       "  ループバック以外のアドレスで待ち受けられるのは HTTPS のときだけです。\n"
       "  一つの端末（アドレス）が同時に持てる接続は既定で "
       "threads−2（最低2）。要求は10秒以内に届かないと切断します。\n",
       {"db", "host", "port", "threads", "max-connections-per-client", "tls-certificate",
        "tls-key"},
       {},
       0,
       0,
       Serve},
      {"version", "版を表示する / print versions", "jrr version\n", {}, {}, 0, 0, Version},
      {"show",
       "住民票を表示する / show a resident record",
       "jrr show --db PATH [--as-of DATE] [--known-at DATE] [--json] [--operator ID] [--terminal "
       "T]\n"
       "         宛名番号\n"
       "  現在の住民票と異動履歴を表示します。--as-of: その日（異動日基準）の内容、--known-at: "
       "その日に\n"
       "  台帳が把握していた内容（処理日基準）。両方を指定できます。--json: API と同じ JSON。\n"
       "  照会はアクセスログに記録されます（JK-10.2）。照会抑止（アラート）は --acknowledge "
       "protection.alert\n"
       "  で確認済みにします。支援措置・抑止の対象者には【…】の表示が付きます。\n",
       {"db", "as-of", "known-at", "operator", "place", "terminal", "acknowledge"},
       {"json"},
       1,
       1,
       Show},
      {"apply",
       "異動を記録する / record 異動 from JSON",
       "jrr apply --db PATH [--check|--provisional] [--operator ID] [--place 本庁] [--terminal "
       "NAME] FILE|-\n"
       "  JSON "
       "の異動（1件のオブジェクト、又はその配列）を順に、1件ずつ一つのトランザクションで記録し、\n"
       "  結果を1行ずつ出力します。最初に拒否された異動で止まります。形式は docs/api.md を参照。\n"
       "  --provisional: 記録せずに全規則で検査し、仮登録として保存します（JK-4.0.8）。\n"
       "  --check: 入力確認。記録される内容を表示するだけで、何も保存しません（JK-4.0.9）。\n",
       {"db", "operator", "place", "terminal"},
       {"provisional", "check"},
       1,
       1,
       Apply},
      {"sample",
       "架空の町の台帳を作る / build the fictional sample town",
       "jrr sample --db PATH [--residents 10000] [--seed 1] [--bulk]\n"
       "  "
       "架空市（990001）の新しい台帳を作り、約10年分の異動（転入・出生・死亡・転居・転出・世帯分離"
       "・\n"
       "  "
       "修正）を実際の異動処理で記録し、成人の一部の印鑑登録（印影つき）と支援措置・抑止を窓口と同"
       "じ\n"
       "  処理で加えます。同じ seed と人数からは同じ台帳ができます。\n"
       "  作成中は PATH.building に書き、完成してから PATH に名前を変えます（途中で止まっても PATH "
       "に\n"
       "  作りかけの台帳は残りません）。\n"
       "  --bulk: 同じ異動処理をメモリ上で検査し、同じ行を2つのコアで書き込みます（大きな町向け。\n"
       "  メモリを多く使います: 100万人で約3 GB）。\n",
       {"db", "residents", "seed"},
       {"bulk"},
       0,
       0,
       Sample},
      {"codes",
       "住民票コードの取込・残数 / load and count 住民票コード",
       "jrr codes import --db PATH FILE   (1行に1コード、検査数字付き11桁)\n"
       "jrr codes status --db PATH\n"
       "  "
       "新規付番用の住民票コードを蓄積します。異動では未使用のコードから無作為に付番します（JK-4.3."
       "1）。\n",
       {"db"},
       {},
       1,
       2,
       Codes},
      {"dictionary",
       "住所辞書の取込・照会 / load and look up the address dictionary",
       "jrr dictionary import --db PATH FILE.tsv\n"
       "jrr dictionary show --db PATH [住所コード [番地]]\n"
       "  行の形式: area<TAB>住所コード<TAB>町字までの住所<TAB>郵便番号 / "
       "katagaki<TAB>住所コード<TAB>番地<TAB>方書\n"
       "  取り込むと、本市区町村内の住所は住所コードで指定します（JK-1.3.3）。\n",
       {"db"},
       {},
       1,
       3,
       Dictionary},
      {"settings",
       "認証者・入力場所・端末・プリンタ / certifiers, places, terminals, printers",
       "jrr settings show --db PATH [--on DATE]\n"
       "jrr settings add-certifier --db PATH --role mayor|acting --title 職名 --name 氏名 --from "
       "DATE [--to DATE]\n"
       "jrr settings add-place --db PATH --code CODE --name 名称\n"
       "jrr settings add-terminal|add-printer --db PATH --id ID --place CODE --name 名称\n"
       "jrr settings set-overflow --db PATH --policy limit|blank   証明書の文字溢れ（JK-5.8）\n"
       "jrr settings set-seal --db PATH [--minimum-age 15] [--too-small-mm 8] [--too-large-mm 25] "
       "[--inquiry-days 30]\n"
       "    [--end-on notified|planned] [--print-sex yes|no]   印鑑登録の制限（印鑑条例）\n"
       "  職務代理者の期間中は自動で職務代理者が認証者になります（JK-1.3.9）。端末を登録すると、\n"
       "  異動の --terminal は登録済みの端末に限られます（JK-1.3.1）。\n",
       {"db", "role", "title", "name", "from", "to", "code", "id", "place", "on", "operator",
        "terminal", "policy", "minimum-age", "too-small-mm", "too-large-mm", "inquiry-days",
        "end-on", "print-sex"},
       {},
       1,
       1,
       Settings},
      {"memo",
       "メモ（証明書に記載しない） / staff memos",
       "jrr memo --db PATH [--operator ID] add 宛名番号 本文 | edit 番号 本文 | delete 番号 | "
       "history 番号\n"
       "  "
       "記載者と日時を記録し、修正・削除も履歴として残します。証明書には記載されません（JK-1.1."
       "15）。\n",
       {"db", "operator", "place", "terminal", "acknowledge"},
       {},
       2,
       3,
       Memos},
      {"remark",
       "備考（統合記載欄C） / remarks",
       "jrr remark --db PATH [--operator ID] add 宛名番号 本文\n",
       {"db", "operator"},
       {},
       3,
       3,
       Remarks},
      {"stats",
       "住民基本台帳関係年報の集計 / register statistics",
       "jrr stats --db PATH --from DATE --to DATE\n"
       "  "
       "期間中の転入・転出・出生・死亡と、期間末日現在の人口・世帯数・町字別人口を、日本人・外国人"
       "\n"
       "  "
       "および男女別に集計します（JK-6.1）。人口は異動日で数えるため、転出予定日前の転出予定者は\n"
       "  住民として数えます。\n",
       {"db", "from", "to", "operator", "place", "terminal"},
       {},
       0,
       0,
       Stats},
      {"pending",
       "仮登録の一覧 / list 仮登録",
       "jrr pending --db PATH [--json]\n",
       {"db"},
       {"json"},
       0,
       0,
       Pending},
      {"approve",
       "仮登録を本登録する / approve 仮登録",
       "jrr approve --db PATH [--operator ID] [--place 本庁] [--terminal NAME] 仮登録番号...\n"
       "  仮登録を、その時点の台帳に対して全規則で再検査し、1件ずつ本登録します。\n",
       {"db", "operator", "place", "terminal"},
       {},
       1,
       1000,
       Approve},
      {"withdraw",
       "仮登録を取り消す / withdraw a 仮登録",
       "jrr withdraw --db PATH [--operator ID] [--place P] [--terminal T] 仮登録番号\n",
       {"db", "operator", "place", "terminal"},
       {},
       1,
       1,
       Withdraw},
      {"audit",
       "アクセスログの検証・検索 / verify and search the access log",
       "jrr audit --db PATH verify [--expect-head SEQ:HASH]\n"
       "jrr audit --db PATH search [--resident 宛名番号] [--operator ID] [--action NAME]\n"
       "                          [--from DATE] [--to DATE] [--limit N] [--json]\n"
       "  verify: "
       "ハッシュの連鎖をすべて検算し、改ざん（書換え・削除・並べ替え・末尾の切取り）があれば\n"
       "  その位置を示して終了コード 1 "
       "を返します。最後の項目の番号とハッシュ（head）を表示するので、\n"
       "  それを台帳の外に控え、次回 --expect-head に渡すと、ログ全体の作り直しも検出できます。\n"
       "  search: 新しい順。--action: view search change provisional_change withdrawal issue "
       "export\n"
       "  batch login login_failure settings_change protection denied。日付は UTC "
       "の年月日（西暦・和暦）。\n"
       "jrr audit --db PATH report after-hours|login-failures|logins|mass-search|by-number --from "
       "DATE --to DATE\n"
       "                          [--threshold N]\n"
       "  分析（JK-10.2）: "
       "深夜（22時〜6時）・閉庁日（土日祝・年末年始）のアクセス、ログイン失敗、ID別ログイン数、\n"
       "  大量検索（1日の検索回数が N 回以上、既定 100）、宛名番号等による検索。日付は日本時間。\n"
       "  search と report は、それ自体がアクセスとしてログに残ります（--place, --terminal "
       "はその記録用）。\n",
       {"db", "expect-head", "resident", "operator", "action", "from", "to", "limit", "threshold",
        "place", "terminal"},
       {"json"},
       1,
       2,
       Audit},
      {"backup",
       "台帳のバックアップ / back up the register",
       "jrr backup --db PATH --to FILE [--operator ID] [--terminal T]\n"
       "  サーバが動いていても取れるオンラインバックアップ（SQLite backup API）。書き終えた複製に\n"
       "  integrity_check とアクセスログの検証をかけ、問題があれば複製を消して失敗します。\n",
       {"db", "to", "operator", "place", "terminal"},
       {},
       0,
       0,
       Backup},
      {"restore",
       "バックアップから台帳を戻す / restore a register from a backup",
       "jrr restore --from FILE --db PATH [--force]\n"
       "  バックアップを検証（integrity_check・アクセスログ）してから PATH に戻します。PATH "
       "が既に\n"
       "  あるときは --force が必要で、元のファイルは PATH.before-restore-日時 として残します。\n"
       "  サーバを止めてから実行してください。\n",
       {"from", "db"},
       {"force"},
       0,
       0,
       Restore},
      {"user",
       "職員（利用者）と権限 / staff accounts and permissions",
       "jrr user --db PATH add --id ID --name 氏名 [--department 部署] [--from DATE] [--to DATE]\n"
       "                        [--permissions view,change,…] [--admin]\n"
       "jrr user --db PATH list | grant|revoke|permissions --id ID --permissions … |\n"
       "         reset-password|reset-2fa|unlock|disable --id ID\n"
       "jrr user --db PATH requests | approve|reject --request 番号 [--operator 承認する管理者]\n"
       "jrr user --db PATH enrol --id ID [--secret S --code 123456]   二要素認証（TOTP）の登録\n"
       "jrr user --db PATH passwd --id ID   (標準入力: 現在のパスワード、新しいパスワード)\n"
       "jrr user --db PATH login --id ID    (標準入力: パスワード、認証コード)\n"
       "  最初の管理者は --admin "
       "で作ります（全権限）。初期パスワードは表示され、初回ログインで変更が必要です。\n"
       "  パスワードは Argon2id で保存します。5回続けて失敗すると15分ロックされます（unlock "
       "で解除）。\n"
       "  権限: view change approve issue support_measure block release audit user_admin settings\n"
       "  code_assignment see_individual_number see_resident_record_code see_domicile "
       "see_residence_status（JK-10.3, 10.4）\n"
       "  自分の権限は変更できません。権限の付与はすべて申請になり、申請者・対象者\n"
       "  以外の管理者が approve "
       "するまで有効になりません（二人の承認）。認証コードは一度だけ使えます。\n"
       "  "
       "パスワード・二要素の再設定も申請です。新しい初期パスワードは承認した管理者にだけ表示されま"
       "す。\n",
       {"db", "id", "name", "department", "from", "to", "permissions", "secret", "code", "operator",
        "place", "terminal", "request"},
       {"admin"},
       1,
       1,
       User},
      {"search",
       "住民を検索する / search the register",
       "jrr search --db PATH [条件…] [--match exact|prefix|contains] [--residents-only] [--limit "
       "N] [--json]\n"
       "jrr search --db PATH --history | --rerun 検索番号\n"
       "  条件: --kana カナ氏名（氏と名の間に空白を入れると別々に照合） --kana-given 名カナ --name "
       "氏名\n"
       "        --given-name 名 --birth 生年月日（和暦・西暦） --sex male|female --relationship "
       "続柄\n"
       "        --address 住所 --address-code 住所コード --katagaki 方書 --atena 宛名番号 "
       "--household 世帯番号\n"
       "        --jumin-code 住民票コード --kojin 個人番号 --card 在留カード等番号 "
       "--removal-reason 消除事由\n"
       "  "
       "旧氏・通称・以前の氏名や住所、除票も検索します（JK-2."
       "1）。カナは清音化・小書き等を同一視し、漢字は\n"
       "  "
       "異体字を同一視します。部分一致は3文字以上。性別・続柄だけでは検索できません（絞り込み用）。"
       "\n"
       "  "
       "結果には支援措置・抑止・仮登録の表示が付きます。検索はアクセスログと各自の検索履歴に残りま"
       "す。\n",
       {"db",    "kana",      "kana-given",   "name",    "given-name",   "match",
        "birth", "sex",       "relationship", "address", "address-code", "katagaki",
        "atena", "household", "jumin-code",   "kojin",   "card",         "removal-reason",
        "limit", "rerun",     "operator",     "place",   "terminal"},
       {"residents-only", "json", "history"},
       0,
       0,
       Search},
      {"block",
       "抑止の設定・解除・一時解除 / blocks on 異動, 証明, 照会",
       "jrr block --db PATH add (--person 宛名番号 | --household 世帯番号) --operation "
       "change|issue|view\n"
       "          [--level error|alert] [--from DATE] [--to DATE] [--reason TEXT]\n"
       "jrr block --db PATH end 抑止番号\n"
       "jrr block --db PATH release 抑止番号 [--to-operator ID] [--minutes 30] [--reason TEXT]\n"
       "jrr block --db PATH list (--person 宛名番号 | --household 世帯番号)\n"
       "  抑止（JK-3.1）は終了予定日を過ぎても自動では終わりません（end で本解除）。release "
       "は指定した\n"
       "  "
       "職員に、指定した分数だけ処理を許し、その後は自動で抑止に戻ります。他システムへは連携しませ"
       "ん。\n",
       {"db", "person", "household", "operation", "level", "from", "to", "reason", "to-operator",
        "minutes", "operator", "place", "terminal"},
       {},
       1,
       2,
       BlockCommand},
      {"support",
       "支援措置（DV等被害者の保護） / support measures",
       "jrr support --db PATH add --applicant 宛名番号 [--co 宛名番号:関係,…] [--kind "
       "dv|stalking|abuse|other]\n"
       "          [--provisional | --from DATE [--to DATE]] [--contact TEXT] [--perpetrator-name "
       "TEXT]\n"
       "          [--perpetrator-atena 宛名番号] [--perpetrator-address TEXT] [--perpetrator-other "
       "TEXT]\n"
       "jrr support --db PATH start 番号 --from DATE [--to DATE]   仮支援措置を支援措置にする\n"
       "jrr support --db PATH extend 番号                            "
       "期間終了日の1か月前から1年延長\n"
       "jrr support --db PATH end 番号 [--reason TEXT]\n"
       "jrr support --db PATH release 番号 [--to-operator ID] [--minutes 30] [--reason TEXT]\n"
       "jrr support --db PATH show 番号 | list 宛名番号\n"
       "  支援措置（JK-3.4, 1.1.16）の期間は1年（開始 令和2年4月1日 → 終了 "
       "令和3年3月31日）。期間中・\n"
       "  "
       "仮支援措置中は、対象者を含む写しの交付・閲覧がエラーになり、release（審査後の解除）を受けた"
       "職員\n"
       "  "
       "だけが指定時間内に交付できます。申出者が転出すると、前住所地としての仮支援措置に自動で切り"
       "替わります。\n",
       {"db", "applicant", "co", "kind", "from", "to", "contact", "perpetrator-name",
        "perpetrator-atena", "perpetrator-address", "perpetrator-other", "reason", "to-operator",
        "minutes", "operator", "place", "terminal"},
       {"provisional"},
       1,
       2,
       SupportCommand},
      {"certificate",
       "証明書を発行する（PDF） / issue a certificate as PDF",
       "jrr certificate --db PATH --kind juminhyo|kisai|johyo|johyo-kisai|tenshutsu|etsuran "
       "--person 宛名番号\n"
       "    [--household | --members 宛名番号,…] [--individual [--history]] [--with 項目,…]\n"
       "    [--requester self|third-party|official|wide-area] [--purpose 請求事由] "
       "[--omit-katagaki]\n"
       "    [--copies N] [--printer ID] [--certifier mayor|acting] [--no-seal]\n"
       "    [--acknowledge certificate.overflow,…] --out FILE.pdf\n"
       "jrr certificate --db PATH --kind etsuran [--area 住所コードまたは町字の先頭] [--random "
       "SEED] --out FILE.pdf\n"
       "jrr certificate --db PATH layout "
       "…（発行と同じ指定。印字位置の一覧を表示し、発行はしない）\n"
       "jrr certificate --db PATH history [--person 宛名番号]      交付履歴\n"
       "jrr certificate --db PATH dispose 交付番号 --reason 理由   "
       "誤って発行した証明書の処分を記録\n"
       "jrr certificate --db PATH order 世帯番号 [--members 宛名番号,…]   "
       "世帯員の並び順の表示・設定（JK-5.2）\n"
       "  --with: zokugara（世帯主・続柄） honseki（本籍・筆頭者） jumin-code（住民票コード）\n"
       "          kojin-bango（個人番号） gaikoku（国籍・在留資格等） "
       "tsusho（通称の記載・削除の事項。通称は常に記載）\n"
       "  "
       "記載しない事項は＊＊＊＊＊＊で印字されます。第三者・公用の請求に住民票コード・個人番号は記"
       "載できません。\n",
       {"db", "kind", "person", "members", "with", "requester", "purpose", "copies", "printer",
        "area", "random", "out", "reason", "operator", "place", "terminal", "acknowledge",
        "certifier"},
       {"household", "individual", "history", "omit-katagaki", "no-seal"},
       0,
       2,
       CertificateCommand},
      {"fuhyo",
       "戸籍の附票（検索・戸籍の異動・通知の送受） / koseki supplementary register",
       "jrr fuhyo --db PATH search 本籍・筆頭者・氏名の一部      附票の検索\n"
       "jrr fuhyo --db PATH show 附票番号                        記載者と住所の履歴\n"
       "jrr fuhyo --db PATH verify                               どの記載者も一人であることの検査\n"
       "jrr fuhyo --db PATH event --kind hensei --domicile 本籍 --head 筆頭者 --on DATE\n"
       "jrr fuhyo --db PATH event 附票番号 --kind nyuseki --family 氏 --given 名 --birth DATE "
       "--sex male|female\n"
       "    [--family-kana ウジ --given-kana ナ] [--address 住所 [--since DATE] | --abroad] --on "
       "DATE --reason 事由\n"
       "jrr fuhyo --db PATH event 附票番号 --kind joseki|shibou --member 記載者番号 --on DATE "
       "--reason 事由\n"
       "jrr fuhyo --db PATH event 附票番号 --kind tenseki [--domicile 新本籍 --head 筆頭者] --on "
       "DATE --reason 事由\n"
       "    新本籍がこの市区町村なら、その附票を編製して在籍者と現住所を移記します\n"
       "jrr fuhyo --db PATH event 附票番号 --kind kaisei --on DATE --reason 事由   "
       "改製（改製原附票を残す）\n"
       "jrr fuhyo --db PATH event 附票番号 --kind shusei --member 記載者番号 --reason 理由 --on "
       "DATE\n"
       "    [--family 氏 --given 名 --family-kana --given-kana --birth --sex --jumin-code --zaigai "
       "市区町村|なし\n"
       "     --address 住所 --since DATE | --abroad]\n"
       "                                                        職権修正（与えた項目だけを修正）\n"
       "jrr fuhyo --db PATH event 附票番号 --kind shien|shien-end --member 記載者番号 --on DATE "
       "[--until DATE] --reason 事由\n"
       "                                                        "
       "住所地から通知された支援措置（写しの交付を制限）\n"
       "jrr fuhyo --db PATH amend-items [--on DATE]              "
       "法改正で加わった記載事項（生年月日・性別・住民票コード）を\n"
       "                                                        "
       "在籍者に職権で追加（古い履歴から移行した台帳）\n"
       "jrr fuhyo --db PATH outbox | inbox                       "
       "附票記載事項通知の送付・受信の状況\n"
       "jrr fuhyo --db PATH deliver --to 共有フォルダ             "
       "未送付の通知を送る（ファイル受け渡し）\n"
       "jrr fuhyo --db PATH import --from 共有フォルダ            "
       "自分あての通知を取り込む（同じ通知は一度だけ）\n"
       "jrr fuhyo --db PATH copy 附票番号 [--members 記載者番号,…] --requester "
       "self|spouse|lineal|agent|official|third-party\n"
       "    [--purpose 請求事由] [--with honseki,jumin-code,zaigai] --out FILE.pdf   "
       "戸籍の附票の写し\n"
       "  "
       "本籍がこの市区町村にある住民の異動は、同じ取引で附票に反映されます。本籍が他の市区町村なら"
       "\n"
       "  通知が送付待ちに入ります（住基法第18条・第19条）。\n",
       {"db",         "kind",   "domicile",    "head",       "on",       "reason",
        "family",     "given",  "family-kana", "given-kana", "birth",    "sex",
        "jumin-code", "zaigai", "address",     "since",      "until",    "member",
        "to",         "from",   "operator",    "place",      "terminal", "requester",
        "purpose",    "with",   "members",     "out",        "printer",  "acknowledge"},
       {"abroad"},
       1,
       2,
       FuhyoCommand},
      {"notice",
       "通知書等（職権記録書・職権記載等通知書・受理通知・転入通知未着） / notices as PDF",
       "jrr notice --db PATH ex-officio-record 異動番号 --out FILE.pdf     "
       "職権記録書（職権の異動の記録）\n"
       "jrr notice --db PATH ex-officio-notice 異動番号 --out FILE.pdf     "
       "職権記載等通知書（世帯ごとに1通）\n"
       "jrr notice --db PATH receipt 異動番号 [--notifier 届出人氏名 --notifier-address 住所] "
       "--out FILE.pdf\n"
       "                                                                  "
       "住民異動届受理通知（異動前住所の届出人あて）\n"
       "jrr notice --db PATH awaiting [--days 30] --out FILE.pdf           転入通知未着者一覧\n"
       "jrr notice --db PATH inquiry 宛名番号 --out FILE.pdf                "
       "転入通知未着照会書（転入地あて）\n"
       "jrr notice --db PATH adult-ward 宛名番号 --out FILE.pdf             "
       "成年被後見人の転出通知書（転入地あて）\n"
       "  "
       "証明発行の権限が要ります。支援措置の対象者は、一時解除がない限り作成できません（一覧では除"
       "きます）。\n",
       {"db", "out", "notifier", "notifier-address", "days", "operator", "place", "terminal"},
       {},
       1,
       2,
       NoticeCommand},
      {"bulk-rename",
       "住所一括変更（住居表示の実施・地番変更等、CSV から） / bulk address renaming",
       "jrr bulk-rename --db PATH --csv FILE --on 実施日 [--cause 住居表示の実施] [--notified "
       "DATE] [--apply] [--out 結果.csv]\n"
       "  --apply なしは仮処理（全行を確認し、何も記録しない）。--apply "
       "で本処理（1行ごとに1つの異動）。\n"
       "  CSV の見出し行で形式を判別します:\n"
       "    世帯番号,変更前住所,変更前番地,変更後住所コード,変更後住所,変更後番地[,変更後方書]   "
       "住所（軽微な修正）\n"
       "    宛名番号,変更前本籍,変更後本籍                                                   "
       "本籍（職権修正）\n"
       "  "
       "現在の住所・本籍が変更前と違う行と、転出予定者のいる世帯は除外し、処理結果一覧（CSV）に理由"
       "を出します。\n",
       {"db", "csv", "on", "cause", "notified", "out", "operator", "place", "terminal"},
       {"apply"},
       0,
       0,
       BulkRename},
      {"cs",
       "CS連携（特例転出の転出証明書情報・転入通知の送受） / CS exchange with other municipalities",
       "jrr cs --db PATH outbox                      送信の状況（転出証明書情報・転入通知）\n"
       "jrr cs --db PATH inbox [--waiting]           受信の状況（--waiting: "
       "特例転入の処理待ちの転出証明書情報だけ）\n"
       "jrr cs --db PATH deliver --to 共有フォルダ     未送信のものを送る（ファイル受け渡し、CS "
       "の代わり）\n"
       "jrr cs --db PATH import --from 共有フォルダ    "
       "自分あてのものを取り込む（同じものは一度だけ）\n"
       "  特例転出（jrr apply で move_out に \"special\": "
       "true）は転出証明書を発行せず、転出証明書情報を送信待ちに\n"
       "  入れます。転入地は受信した情報から特例転入（move_in に \"move_out_information\": "
       "受信番号）を入力します。\n"
       "  "
       "国内転入のたびに転出地あての転入通知が送信待ちに入り（住基法第9条第1項）、転出地は取り込む"
       "と\n"
       "  職員の手を介さず除票に転入通知を記録します（取り込めないものは inbox "
       "に取込エラーとして残ります）。\n",
       {"db", "to", "from", "operator", "place", "terminal"},
       {"waiting"},
       1,
       1,
       CsCommand},
      {"seal",
       "印鑑登録（申請・照会・証明書・廃止） / seal registration",
       "jrr seal --db PATH apply --person 宛名番号 --image 印影.png|.jpg --dpi N --attest "
       "material,legibility\n"
       "    [--name-form full|surname|given|former|common|katakana|alphabet]\n"
       "    [--route photo-id --id-document 運転免許証 | --route guarantor --guarantor 登録番号 | "
       "--route inquiry]\n"
       "    [--agent] [--guardian]\n"
       "jrr seal --db PATH inquiry 受付番号 --out 照会書.pdf      照会書・回答書\n"
       "jrr seal --db PATH answer 受付番号                       回答書の受付（期限内なら登録）\n"
       "jrr seal --db PATH withdraw 受付番号 [--reason 理由]\n"
       "jrr seal --db PATH lost|abolish 登録番号                 亡失届・廃止申請\n"
       "jrr seal --db PATH show --person 宛名番号                 印鑑登録原票\n"
       "jrr seal --db PATH certificate --person 宛名番号 --card 登録証番号 --out FILE.pdf\n"
       "jrr seal sample-image --out seal.png [--diameter 15] [--dpi 600] [--text 架空] [--rotate "
       "度]\n"
       "  15歳未満、8mm角に収まる・25mm角に収まらない印影、登録済みと同じ印影は登録できません。\n"
       "  "
       "転出・死亡・職権消除で登録は職権で廃止され、氏名が変わり印影と合わなくなると失効します。\n",
       {"db",          "person",    "image",       "dpi",      "attest", "name-form", "route",
        "id-document", "guarantor", "reason",      "card",     "out",    "printer",   "operator",
        "place",       "terminal",  "acknowledge", "diameter", "text",   "rotate"},
       {"agent", "guardian"},
       1,
       2,
       SealCommand},
      {"date",
       "年月日の解釈を説明する / explain a date",
       "jrr date [--koseki] TEXT\n"
       "  例: jrr date 令和元年5月1日 / jrr date R7.11.27 / jrr date --koseki 令和3年5月上旬\n"
       "  --koseki: 生年月日など戸籍と整合させる項目として解釈し、不詳日と暦上日以外の日を許します"
       "（JK-1.1.8）。\n",
       {},
       {"koseki"},
       1,
       1,
       Date},
      {"kana-key",
       "カナ検索キーを作る / build the kana search key",
       "jrr kana-key TEXT\n  例: jrr kana-key 'ｻﾄｳ ｼﾞｮｳｼﾞ'  → サトオシヨオシ（JK-2.1.2 "
       "のあいまい検索規則）\n",
       {},
       {},
       1,
       1,
       KanaKey},
      {"kanji-key",
       "漢字検索キーを作る / build the kanji search key",
       "jrr kanji-key TEXT\n  例: jrr kanji-key 髙橋  → 高橋（異体字を正字に寄せます）\n",
       {},
       {},
       1,
       1,
       KanjiKey},
      {"banchi",
       "番地を数値のコードに分ける / the numeric code of a 番地 (JK-1.3.2)",
       "jrr banchi TEXT\n  例: jrr banchi '123番地の4'  → 地番 123・枝番 4、並び順のキー "
       "000000123.000000004\n"
       "      jrr banchi '3番4号-205'  → 住居表示 街区符号 3・住居番号 4・部屋番号 205\n"
       "  住所順の一覧は、番地をこのキーで並べます（2番が10番より前）。\n",
       {},
       {},
       1,
       1,
       Banchi},
      {"check-digit",
       "検査数字を計算・検証する / compute or verify a check digit",
       "jrr check-digit [--verify] atena|setai|jumin-code|kojin|dantai DIGITS\n"
       "  既定では DIGITS（検査数字を除く部分）から検査数字を計算します。--verify "
       "では検査数字を含む\n"
       "  番号を検証します。atena/setai: M11W2-7（JK-1.1.13）、kojin: 番号法施行令第8条。\n",
       {},
       {"verify"},
       2,
       2,
       CheckDigit},
  };
  return kCommands;
}

void PrintOverview(std::ostream& out) {
  out << "jrr — 住民基本台帳システムの参照実装\n\n使い方: jrr <コマンド> [引数]   (jrr <コマンド> "
         "--help で詳細)\n\n";
  for (const Command& command : Commands()) {
    out << "  " << command.name << std::string(14 - command.name.size(), ' ') << command.summary
        << "\n";
  }
  out << "\n終了コード: 0 成功 / 1 規則に反する入力 / 2 使い方の誤り / 3 データベース・環境の障害 "
         "/ 4 内部エラー\n";
}

// Parses `--name value`, `--name=value` and flags. Returns an error text, or "" on success.
std::string ParseArgs(const Command& command, const std::vector<std::string>& raw, Args& args) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string& word = raw[i];
    if (word.size() > 2 && word.starts_with("--")) {
      std::string name = word.substr(2);
      std::optional<std::string> value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
      }
      if (command.flag_options.contains(name) && !value) {
        args.flags.insert(name);
      } else if (command.value_options.contains(name)) {
        if (!value) {
          if (i + 1 >= raw.size()) return "--" + name + " には値が必要です。";
          value = raw[++i];
        }
        args.options[name] = *value;
      } else {
        return "知らないオプションです: --" + name;
      }
    } else {
      args.positional.push_back(word);
    }
  }
  // Every command needs --db except the explain commands; init also needs the municipality.
  std::set<std::string> required;
  if (command.value_options.contains("db")) required.insert("db");
  if (command.name == "init") required.insert({"municipality-code", "name"});
  if (command.name == "stats") required.insert({"from", "to"});
  if (command.name == "backup") required.insert("to");
  if (command.name == "restore") required.insert("from");
  // Drawing a sample impression touches no register.
  if (command.name == "seal" && !args.positional.empty() && args.positional[0] == "sample-image")
    required.erase("db");
  for (const std::string& name : required) {
    if (!args.options.contains(name)) return "--" + name + " を指定してください。";
  }
  if (args.positional.size() < command.min_positional ||
      args.positional.size() > command.max_positional) {
    return "引数の数が正しくありません。";
  }
  return "";
}
}  // namespace

int Run(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
  if (raw.empty() || raw[0] == "help" || raw[0] == "--help" || raw[0] == "-h") {
    PrintOverview(raw.empty() ? err : out);
    return raw.empty() ? kUsage : kOk;
  }
  const Command* command = nullptr;
  for (const Command& candidate : Commands()) {
    if (candidate.name == raw[0]) command = &candidate;
  }
  if (command == nullptr) {
    err << "エラー: 知らないコマンドです: " << raw[0] << "\n\n";
    PrintOverview(err);
    return kUsage;
  }
  const std::vector<std::string> rest(raw.begin() + 1, raw.end());
  for (const std::string& word : rest) {
    if (word == "--help" || word == "-h") {
      out << "使い方: " << command->usage;
      return kOk;
    }
  }
  Args args;
  if (std::string problem = ParseArgs(*command, rest, args); !problem.empty()) {
    err << "エラー: " << problem << "\n使い方: " << command->usage;
    return kUsage;
  }
  try {
    return command->run(args, out, err);
  } catch (const StorageError& e) {
    err << "エラー: " << MessageJa(MakeError(ErrorCode::kUnavailable, e.rule_id())) << " ["
        << e.rule_id() << "]\n  詳細: " << e.what() << "\n";
    return kStorage;
  } catch (const Poco::Exception& e) {
    err << "エラー: 環境の障害です（ネットワーク・ファイル）。\n  詳細: " << e.displayText()
        << "\n";
    return kStorage;
  } catch (const std::filesystem::filesystem_error& e) {
    err << "エラー: ファイルを作成できません。\n  詳細: " << e.what() << "\n";
    return kStorage;
  } catch (const std::exception& e) {
    err << "エラー: 内部エラーです。\n  詳細: " << e.what() << "\n";
    return kInternal;
  }
}

}  // namespace jrr::cli
