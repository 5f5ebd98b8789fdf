// SPDX-License-Identifier: Apache-2.0
//
// Messages are written for a clerk at the counter: what is wrong and, where it helps, what to do.
// They are our own words; sources name the section of the standard or the statute behind a rule.
#include "jrr/domain/rule_catalog.h"

#include <array>

namespace jrr {
namespace {

using enum Severity;

constexpr std::array kRules = std::to_array<RuleInfo>({
    // Input hygiene: applies to every text field.
    {"text.empty", kError, "jrr", "入力されていません。"},
    {"text.too_long", kError, "jrr", "入力が長すぎます。"},
    {"text.invalid_utf8", kError, "jrr", "文字コードが正しくない文字が含まれています（UTF-8 ではありません）。"},
    {"text.control_char", kError, "jrr", "制御文字が含まれています。"},
    // Dates (和暦・西暦).
    {"era_table.invalid", kError, "JK-1.3.6", "元号マスタの形式が正しくありません。"},
    {"date.unrecognized", kError, "JK-1.1.8",
     "年月日として読み取れません。例：令和7年11月27日、R7.11.27、2025-11-27"},
    {"date.era_year_zero", kError, "JK-1.1.8", "元号の年は元年（1年）からです。"},
    {"date.month_out_of_range", kError, "JK-1.1.8", "月は1から12の範囲で入力してください。"},
    {"date.day_out_of_range", kError, "JK-1.1.8", "日は1から31の範囲で入力してください。"},
    {"date.not_on_calendar", kError, "JK-1.1.8", "暦上に存在しない日付です。"},
    {"date.outside_era", kError, "JK-1.1.8", "その元号が始まる前の日付です。"},
    {"date.era_overrun", kError, "JK-1.1.8",
     "その元号は既に終わっています。改元後の元号で入力してください（例：平成31年5月1日は令和元年5月1日）。"},
    {"date.lunisolar_period", kError, "JK-1.1.8",
     "明治6年1月1日より前（太陰太陽暦の時代）の日付は扱えません。"},
    {"date.range_reversed", kError, "JK-1.1.8", "期間の終わりが始まりより前になっています。"},
    {"date.uncertain_not_allowed", kError, "JK-1.1.8",
     "この項目には不詳日を入力できません。暦上の日付を入力してください。"},
    // Names and search keys.
    {"kana.not_kana", kError, "JK-2.1.2", "カナ検索にはカタカナ・ひらがなで入力してください。"},
    {"furigana.katakana_only", kError, "LAW: 戸籍法第13条",
     "氏名の振り仮名は全角カタカナで入力してください。"},
    {"kanji_key.icu", kError, "jrr", "文字の正規化に失敗しました。システム管理者に連絡してください。"},
    // Numbers.
    {"number.not_digits", kError, "JK-1.1.13", "番号は半角数字で入力してください。"},
    {"number.wrong_length", kError, "JK-1.1.13", "番号の桁数が正しくありません。"},
    {"number.check_digit_mismatch", kError, "JK-1.1.13",
     "番号の検査数字（チェックデジット）が一致しません。入力誤りがないか確認してください。"},
    {"number.unissuable", kError, "JK-1.1.13",
     "この連番は検査数字が定まらない（剰余1）ため、付番しません。"},
    {"number.prefecture_out_of_range", kError, "jrr",
     "地方公共団体コードの都道府県部分が正しくありません（01〜47、架空の団体は99）。"},
    // 続柄.
    {"relationship.prohibited_term", kError, "JK-1.1.11",
     "この続柄は使用できません。「子の子」「父の兄」のように「の」でつないで入力してください。"},
    {"relationship.unknown_term", kError, "JK-1.1.11",
     "続柄として認められない語が含まれています。"},
    {"relationship.empty_term", kError, "JK-1.1.11", "続柄の「の」の前後に語がありません。"},
    {"relationship.folded_to_related", kAlert, "JK-1.1.11",
     "5世代以上の続柄のため「縁故者」として記載します。"},
    {"cli.unknown_kind", kError, "jrr",
     "番号の種類は atena（宛名番号）, setai（世帯番号）, jumin-code（住民票コード）, kojin（個人番号）, dantai（地方公共団体コード）のいずれかです。"},
    // Resident records (JK-1.1.1, 1.1.2, 1.1.6).
    {"record.name_required", kError, "JK-1.1.6", "氏名を入力してください（外国人住民はアルファベット氏名）。"},
    {"record.address_required", kError, "JK-1.1.6", "住所を入力してください。"},
    {"record.resident_since_required", kError, "JK-1.1.6", "住民となった年月日を入力してください。"},
    {"record.domicile_required", kError, "JK-1.1.12",
     "本籍を入力してください。本籍がない場合は「なし」、分からない場合は「不明」を選んでください。"},
    {"record.foreign_items_required", kError, "JK-1.1.2",
     "外国人住民は国籍・地域と法第30条の45の区分を入力してください。"},
    {"record.foreign_items_not_allowed", kError, "JK-1.1.1", "日本人住民に外国人住民の項目は記載できません。"},
    {"record.common_name_japanese", kError, "JK-1.1.7", "通称は外国人住民にのみ記載できます。"},
    {"record.removal_items", kError, "JK-1.1.5", "除票の記載事項が住民状態と一致しません。"},
    // 異動 (JK-4).
    {"change.event_date_future", kError, "JK-4.0.3", "異動日に処理日より後の日は入力できません（転出を除く）。"},
    {"change.notification_date_future", kError, "JK-4.1.0.2", "届出日に処理日より後の日は入力できません。"},
    {"change.notification_before_event", kError, "JK-4.1.0.2", "届出日が異動日より前になっています。"},
    {"change.late_notification", kAlert, "LAW: 住基法第22条",
     "異動日から14日を過ぎた届出です。確認のうえ処理してください。"},
    {"change.move_out_late_ex_officio", kAlert, "JK-4.1.3.0.1",
     "転出日から14日を過ぎた転出届のため、職権で記載します。"},
    {"change.person_not_found", kError, "JK-4.0.1", "指定された宛名番号の住民は登録されていません。"},
    {"change.not_resident", kError, "JK-4.0.1", "この方は既に消除されています（除票）。"},
    {"change.no_movers", kError, "JK-4.0.1", "異動者を選択してください。"},
    {"change.duplicate_mover", kError, "JK-4.0.1", "同じ異動者が重複して選択されています。"},
    {"change.movers_span_households", kError, "JK-4.0.1",
     "異動者は一つの世帯から選択してください（世帯の全部又は一部）。"},
    {"change.household_not_found", kError, "JK-4.0.2", "指定された世帯は存在しないか、世帯員がいません。"},
    {"change.relationship_required", kError, "JK-4.0.2", "異動先の世帯での続柄を入力してください。"},
    {"change.same_household", kError, "JK-4.1.4.1", "既にその世帯の世帯員です。"},
    {"change.same_address", kError, "JK-4.1.2.1", "転居先が現住所（方書を含む）と同じです。"},
    {"change.destination_required", kError, "JK-4.1.3.0.2", "転出先住所を入力してください（市区町村までで可）。"},
    {"change.not_a_member", kError, "JK-4.1.4.1", "新しい世帯主は、その世帯の世帯員から選んでください。"},
    {"change.already_head", kError, "JK-4.1.4.1", "既に世帯主です。"},
    {"change.separation_of_whole_household", kError, "JK-4.1.4.1",
     "世帯全員の世帯分離はできません。世帯の一部を選択してください。"},
    {"change.reason_not_correction", kError, "JK-4.2.3.1",
     "修正の異動事由は職権修正・誤記修正・軽微な修正のいずれかです。"},
    {"change.nothing_to_correct", kError, "JK-4.2.3.1", "修正する項目がありません。"},
    {"change.stale", kError, "JK-10.3",
     "他の職員がこの住民の記録を先に更新しました。最新の内容を表示してからやり直してください。"},
    {"change.pending_exists", kError, "JK-4.0.8",
     "この住民（又は世帯）には本登録前の仮登録があります。仮登録を本登録するか取り消してから処理してください。"},
    {"pending.not_open", kError, "JK-4.0.8", "指定された仮登録は存在しないか、既に本登録又は取消し済みです。"},
    {"change.number_reason_mismatch", kError, "JK-4.4",
     "個人番号・住民票コードの異動事由では、その番号だけを変更してください。"},
    {"change.notice_date_required", kError, "JK-4.1.3.1.1", "転入通知日を入力してください。"},
    {"change.event_date_not_a_day", kError, "JK-4.1.3.1.1", "転出年月日（確定）は暦上の日付で入力してください。"},
    {"change.not_moved_out", kError, "JK-4.1.3.1.1", "この方には転入通知を受理する転出（又は職権消除）がありません。"},
    {"change.notice_already_received", kError, "JK-4.1.3.1.1", "この方の転入通知は既に受理しています。"},
    {"change.household_change_address_differs", kError, "JK-4.1.4.1",
     "世帯変更と同時に住所は変更できません。住所が異なる場合は転居として処理してください。"},
    {"change.nationality_kind_mismatch", kError, "JK-4.5.3",
     "住民種別が異動と合いません（帰化・国籍取得は外国人住民、国籍喪失は日本人住民が対象です）。"},
    {"change.former_surname_japanese_only", kError, "JK-1.1.7", "旧氏は日本人住民にのみ記載できます。"},
    {"change.name_item_absent", kError, "JK-1.1.7", "記載されていない旧氏・通称は変更・削除できません。"},
    {"change.name_item_present", kError, "JK-1.1.7", "既に記載されています。変更として処理してください。"},
    {"change.name_item_required", kError, "JK-1.1.7", "旧氏・通称を入力してください。"},
    {"change.cancel_unknown_change", kError, "JK-4.6.0.1", "取り消す異動が見つかりません。"},
    {"change.cancel_person_not_in_change", kError, "JK-4.6.0.1", "その方はこの異動の異動者ではありません。"},
    {"change.cancel_not_latest", kError, "JK-4.6.0.1",
     "この異動の後に別の異動があります。後の異動から順に取り消してください。"},
    {"code_pool.exhausted", kError, "JK-4.3.1",
     "付番できる住民票コードがありません。住民票コードを取得して取り込んでください（jrr codes import）。"},
    {"code_pool.low", kAlert, "JK-4.3.1", "付番用の住民票コードの残りが少なくなっています。早めに取得してください。"},
    {"change.returning_resident", kError, "JK-4.1.1.2",
     "番号（個人番号・住民票コード・在留カード番号）が除票の方と一致します。再転入者として処理してください。"},
    {"change.number_in_use", kError, "JK-4.1.1.2", "その番号は現在の住民に記載されています。"},
    {"change.possible_returning_resident", kAlert, "JK-4.1.1.2",
     "氏名・性別・生年月日が一致する除票があります。再転入者でないか確認してください。"},
    {"change.not_removed", kError, "JK-4.1.1.2", "再転入として指定された方は除票ではありません。"},
    {"change.locked_by_other", kError, "JK-10.3",
     "この住民は他の職員が更新中です。照会はできますが、更新は終わるまでお待ちください。"},
    {"household.multiple_heads", kError, "JK-1.1.10", "一つの世帯に世帯主は一人です。"},
    {"change.head_leaving_household", kAlert, "JK-4.0.4",
     "世帯主が世帯から抜け、世帯員が2人以上残ります。先に世帯主変更を行うよう案内してください。"},
    {"change.sole_member_becomes_head", kAlert, "JK-4.0.4",
     "世帯主が抜けて世帯員が1人になるため、職権でその方を世帯主とします。"},
    // The JSON form of 異動 (jrr apply and the API).
    {"json.malformed", kError, "jrr", "JSON として読み取れません。"},
    {"json.not_object", kError, "jrr", "異動は JSON のオブジェクト（又はその配列）で指定してください。"},
    {"json.unknown_type", kError, "jrr", "異動の種類（type）が正しくありません。"},
    {"json.unknown_field", kError, "jrr", "この異動にない項目が指定されています（項目名の誤りがないか確認してください）。"},
    {"json.missing_field", kError, "jrr", "必要な項目が指定されていません。"},
    {"json.wrong_type", kError, "jrr", "項目の値の形式が正しくありません。"},
    // Address dictionary (JK-1.3.2–1.3.4).
    {"address.code_invalid", kError, "JK-1.3.3", "住所コードは11桁の数字です。"},
    {"address.outside_municipality", kError, "JK-1.3.3", "この住所コードは本市区町村のものではありません。"},
    {"address.text_required", kError, "JK-1.3.3", "住所（町字まで）を入力してください。"},
    {"address.postal_code_invalid", kError, "JK-1.1.17", "郵便番号はハイフンなしの7桁で入力してください。"},
    {"address.code_required", kError, "JK-1.3.3", "住所は住所辞書から選んでください（住所コード）。"},
    {"address.unknown_code", kError, "JK-1.3.3", "住所辞書にない住所コードです。"},
    {"address.dictionary_line", kError, "JK-1.3.3", "住所辞書ファイルの行の形式が正しくありません。"},
    // Settings (JK-1.3.1, 1.3.9).
    {"settings.text_required", kError, "JK-1.3.9", "職名と氏名を入力してください。"},
    {"settings.period_reversed", kError, "JK-1.3.9", "期間の終わりが始まりより前になっています。"},
    {"settings.unknown_place", kError, "JK-1.3.1", "登録されていない入力場所です。先に入力場所を登録してください。"},
    {"settings.unknown_terminal", kError, "JK-1.3.1", "登録されていない端末です。端末を登録してから操作してください。"},
    {"memo.not_found", kError, "JK-1.1.15", "指定されたメモは存在しないか、削除されています。"},
    {"sample.list_invalid", kError, "jrr", "サンプルデータの一覧ファイルの形式が正しくありません。"},
    {"sample.register_not_empty", kError, "jrr", "サンプルの町は新しい台帳ファイルにだけ作成できます。"},
    // Register and municipality.
    {"municipality.name_invalid", kError, "jrr",
     "市区町村名は40文字以内で、市・区・町・村で終わる名称を入力してください。"},
    {"register.already_initialized", kError, "jrr", "この台帳は既に初期化されています。"},
    {"register.not_initialized", kError, "jrr",
     "台帳が初期化されていません。jrr init で作成してください。"},
    // Backup and restore, and the アクセスログ (JK-10.2).
    {"backup.target_exists", kError, "jrr",
     "バックアップ先のファイルが既にあります。別のファイル名を指定してください。"},
    {"backup.not_a_register", kError, "jrr",
     "指定されたファイルは jrr の台帳ではないか、読めない形式です。"},
    {"backup.integrity_failed", kError, "jrr",
     "ファイルの整合性検査（integrity_check）で異常が見つかりました。このファイルは使えません。"},
    {"backup.audit_broken", kError, "JK-10.2",
     "アクセスログの改ざんまたは欠落が見つかりました。このファイルは使えません。"},
    {"restore.target_exists", kError, "jrr",
     "戻し先の台帳が既にあります。置き換えるときは --force を指定してください（元の内容は保存されます）。"},
    {"audit.chain_broken", kError, "JK-10.2",
     "アクセスログの改ざん・削除・並べ替えが見つかりました。"},
    {"audit.head_mismatch", kError, "JK-10.2",
     "アクセスログの末尾が控えと一致しません。控えより後のログが作り直されたか、切り取られています。"},
    {"audit.invalid_action", kError, "jrr", "アクセスログの操作の種類が正しくありません。"},
    // 職員と認証 (JK-10.3).
    {"auth.failed", kError, "JK-10.3", "利用者ID、パスワードまたは認証コードが正しくありません。"},
    {"auth.locked", kError, "JK-10.3",
     "ログインに続けて失敗したため、しばらく利用できません。時間をおくか、管理者にロックの解除を依頼してください。"},
    {"auth.expired", kError, "JK-10.3", "この利用者IDは利用期間外か、無効になっています。管理者に確認してください。"},
    {"staff.password_weak", kError, "JK-10.3",
     "パスワードは12文字以上で、利用者IDや以前のパスワードと異なるものにしてください。"},
    {"staff.code_invalid", kError, "JK-10.3", "認証アプリのコードが一致しません。時刻を確認して、表示中のコードを入力してください。"},
    {"staff.not_found", kError, "JK-10.3", "指定された利用者IDはありません。"},
    {"staff.exists", kError, "JK-10.3", "この利用者IDは既に登録されています（最初の管理者は一人だけ --admin で作れます）。"},
    {"staff.stale", kError, "JK-10.3", "この利用者は他の管理者が先に更新しました。最新の内容を確認してください。"},
    {"staff.id_required", kError, "JK-10.3", "利用者IDと氏名を指定してください。"},
    {"staff.unknown_permission", kError, "JK-10.3", "知らない権限の名前です（jrr user --help に一覧があります）。"},
    // 検索 (JK-2.1).
    {"search.no_key", kError, "JK-2.1.3",
     "検索条件が足りません。氏名・カナ・生年月日・住所・番号などを一つ以上指定してください（性別・続柄は絞り込み用です）。"},
    {"search.pattern_too_short", kError, "JK-2.1.3", "部分一致の検索には3文字以上を指定してください（前方一致は1文字から使えます）。"},
    {"search.invalid_query", kError, "JK-2.1.1", "検索条件の形式が正しくありません。"},
    {"search.history_not_found", kError, "JK-2.1.1", "指定された検索履歴はありません（自分の検索履歴だけを再実行できます）。"},
    // 抑止 (JK-3.1), 支援措置 (JK-3.4, 1.1.16) and 操作権限 (JK-10.3).
    {"access.permission_denied", kError, "JK-10.3", "この操作を行う権限がありません。"},
    {"protection.blocked", kError, "JK-3.1",
     "抑止が設定されているため、この処理はできません。抑止の一時解除を受けてから操作してください。"},
    {"protection.alert", kAlert, "JK-3.1",
     "抑止（アラート）が設定されている住民です。内容を確認したうえで処理を続けてください。"},
    {"protection.target_required", kError, "JK-3.1", "抑止の対象として、住民または世帯のどちらか一方を指定してください。"},
    {"protection.invalid_period", kError, "JK-3.1", "抑止の終了日が開始日より前になっています。"},
    {"protection.not_found", kError, "JK-3.1", "指定された抑止は存在しないか、既に解除されています。"},
    {"protection.release_minutes", kError, "JK-3.1", "一時解除の時間は1分から480分の間で指定してください。"},
    {"support.issue_blocked", kError, "JK-3.4",
     "支援措置の対象者が含まれるため、交付・閲覧はできません。支援措置責任者の審査と解除が必要です。"},
    {"support.expiring", kAlert, "JK-3.4", "支援措置の期間が1か月以内に終了します。延長の要否を確認してください。"},
    {"support.expired", kAlert, "JK-3.4", "支援措置の期間が終了しています。延長または終了の処理をしてください。"},
    {"support.invalid_period", kError, "JK-3.4", "終了年月日が開始年月日より前になっています。"},
    {"support.not_active", kError, "JK-3.4", "この支援措置は既に終了しています。"},
    {"support.not_provisional", kError, "JK-3.4", "この処理は仮支援措置（開始）または支援措置期間中（延長）のものにだけできます。"},
    {"support.extension_too_early", kError, "JK-3.4", "延長は支援措置の期間終了日の1か月前から行えます。"},
    {"support.no_person", kError, "JK-1.1.16", "支援措置の申出者（宛名番号）を指定してください。"},
    {"support.not_found", kError, "JK-3.4", "指定された支援措置はありません。"},
    {"support.stale", kError, "JK-10.3", "この支援措置は他の職員が先に更新しました。最新の内容を確認してください。"},
    {"support.invalid_kind", kError, "JK-1.1.16", "支援措置の区分は dv, stalking, abuse, other のいずれかです。"},
    // Storage and delivery (infrastructure failures, reported with these texts).
    {"storage.schema_too_new", kError, "jrr",
     "この台帳はより新しい版の jrr で作成されています。jrr を更新してください。"},
    {"storage.failure", kError, "jrr", "データベースの処理に失敗しました。システム管理者に連絡してください。"},
    {"http.not_found", kError, "jrr", "指定されたページは存在しません。"},
    {"http.method_not_allowed", kError, "jrr", "この操作はこのページでは使えません。"},
    {"internal.error", kError, "jrr", "内部エラーです。システム管理者に連絡してください。"},
    {"http.internal", kError, "jrr", "システム内部でエラーが発生しました。システム管理者に連絡してください。"},
});

}  // namespace

std::span<const RuleInfo> AllRules() { return kRules; }

const RuleInfo* FindRule(std::string_view rule_id) {
  for (const RuleInfo& rule : kRules) {
    if (rule.rule_id == rule_id) return &rule;
  }
  return nullptr;
}

std::string MessageJa(const Error& error) {
  if (const RuleInfo* rule = FindRule(error.rule_id)) return std::string(rule->message_ja);
  return "処理できませんでした。";
}

}  // namespace jrr
