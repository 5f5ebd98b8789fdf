// SPDX-License-Identifier: Apache-2.0
//
// The counter screens in a real browser (Debian's chromium, driven by playwright-core), operated
// with the keyboard only: first login, password change, second-factor enrolment (the code computed
// here from the secret the screen shows, RFC 6238), login with the code, a kana search, the
// resident view of a 支援措置 target, then 証明書の発行 (refused for the target, a PDF for someone
// else), a 転居 through its screens → 仮登録 → 本登録 → 住民票の写し. A screenshot of each screen goes
// to $JRR_SCREENSHOTS.
//
// Usage: node counter_flow.mjs JRR_BINARY WORK_DIR   (run by CTest as browser_counter_flow)
//
// REQ: JK-2.3.2, JK-10.3, JK-2.1.3, JK-2.2.3, JK-2.2.4, JK-3.4, JK-5.1, JK-4.0.8, JK-4.0.9
// LAW: 印鑑条例, 住基法第18条
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const [jrr, work] = process.argv.slice(2);
const screenshots = process.env.JRR_SCREENSHOTS ?? join(work, 'screens');
mkdirSync(work, { recursive: true });
mkdirSync(screenshots, { recursive: true });
const db = join(work, 'browser.db');
const run = (...args) => execFileSync(jrr, args, { encoding: 'utf8' });
for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });

// A code is accepted once, and never one older than the last accepted: `steps` moves the 30-second
// step (the enrolment spends the previous step's code, the login the current one's).
function totp(base32, steps = 0) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30) + steps));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, '0');
}

run('sample', '--db', db, '--residents', '1000', '--seed', '3');
const added = run('user', '--db', db, 'add', '--admin', '--id', 'clerk', '--name', '窓口 太郎');
const initial = added.match(/初期パスワード: (\S+)/)[1];
const port = 20000 + Math.floor(Math.random() * 20000);
const server = spawn(jrr, ['serve', '--db', db, '--port', String(port)], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
let browser;
try {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const shot = (name) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  const type = async (text) => page.keyboard.type(text);

  // Login page: the ID field has focus; Tab moves through the form; Enter submits.
  await page.goto(`${base}/login`);
  await shot('01-login');
  await type('clerk'); await page.keyboard.press('Tab'); await type(initial);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/password');
  await shot('02-password');
  await type(initial); await page.keyboard.press('Tab'); await type('a-long-passphrase-1');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/login?changed=1');
  assert.match(await page.textContent('main'), /パスワードを変更しました/);
  await page.focus('#user_id');
  await type('clerk'); await page.keyboard.press('Tab'); await type('a-long-passphrase-1');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/enrol');
  assert.ok(await page.$('svg'), 'a QR code is shown');
  await shot('03-enrol');
  const secret = (await page.textContent('code')).trim();
  await type(totp(secret, -1)); await page.keyboard.press('Enter');
  await page.waitForURL('**/login?enrolled=1');
  await page.focus('#user_id');
  await type('clerk'); await page.keyboard.press('Tab'); await type('a-long-passphrase-1');
  await page.keyboard.press('Tab'); await type(totp(secret));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/search');

  // Search by kana (prefix), keyboard only: the kana field has focus.
  // The sample town's first 支援措置 applicant, from the log of its registration.
  const registered = run('audit', '--db', db, 'search', '--action', 'protection')
    .split('\n').find((line) => line.includes('支援措置登録'));
  const protectedAtena = registered.split('\t')[6].split(' ')[0];
  const target = run('search', '--db', db, '--atena', protectedAtena, '--json');
  const kana = JSON.parse(target.split('\n')[0]).record.family_kana;
  await type(kana);
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');  // → 一致
  await page.keyboard.press('ArrowDown');                        // 前方一致
  await page.keyboard.press('Tab');                              // 除票を除く
  await page.keyboard.press('Tab');                              // 検索
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/search\?/);
  assert.match(await page.textContent('main'), /該当 \d+ 件/);
  await shot('04-search');

  // The resident view of the town's 支援措置 target, reached by its link.
  await page.goto(`${base}/search?atena=${protectedAtena}`);
  assert.match(await page.textContent('main'), /支援措置対象者（DV）/);
  await page.click(`a[href="/resident?atena=${protectedAtena}"]`);
  await page.waitForURL(`**/resident?atena=${protectedAtena}`);
  const text = await page.textContent('main');
  assert.match(text, /支援措置対象者（DV）/);
  assert.match(text, /U\+[0-9A-F]{4}/);
  assert.match(text, /異動履歴/);
  await shot('05-resident');

  // 証明書の発行 from the resident view: the 支援措置 target is refused on the form, in Japanese
  // (JK-3.4); someone else's copy comes back as a PDF.
  await page.click(`a[href="/certificate?person=${protectedAtena}"]`);
  await page.waitForURL(`**/certificate?person=${protectedAtena}`);
  await page.focus('#person');
  const submitted = page.waitForResponse((r) => r.url().endsWith('/certificate') && r.request().method() === 'POST');
  await page.keyboard.press('Enter');  // submits the form
  await submitted;
  await page.waitForSelector('p.error');
  assert.match(await page.textContent('main'), /支援措置の対象者が含まれるため/);
  await shot('06-certificate-refused');
  const householdOfTarget = JSON.parse(target.split('\n')[0]).record.household_number;
  const other = run('search', '--db', db, '--address', '架空県架空市', '--match', 'prefix', '--residents-only', '--json')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line).record)
    .find((r) => r.household_number !== householdOfTarget);
  const issued = await page.evaluate(async (person) => {
    const form = new URLSearchParams({ csrf: document.querySelector('input[name=csrf]').value, person, household: '0' });
    const reply = await fetch('/certificate', { method: 'POST', body: form });
    const bytes = new Uint8Array(await reply.arrayBuffer());
    return { status: reply.status, type: reply.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
  }, other.addressee_number);
  assert.deepEqual(issued, { status: 201, type: 'application/pdf', head: '%PDF-' });

  // A 転居 through the screens, keyboard only: the form from the resident view, 入力確認 (an
  // アラート acknowledged when the move leaves a household behind), 仮登録, then 本登録 on the
  // 仮登録 list, then a 住民票の写し of the new address from the issuance screen.
  await page.goto(`${base}/resident?atena=${other.addressee_number}`);
  await Promise.all([page.waitForURL('**/change?type=within_move*'), page.click('a[href^="/change?type=within_move"]')]);
  // The 異動日 starts empty (JK-4.0.3): the clerk types the day of the move, here today in Japan.
  assert.equal(await page.$eval('#event_date', (e) => e.value), '');
  await page.focus('#event_date');
  await type(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }));
  await page.focus(`#rel-${other.addressee_number}`);
  await type('世帯主');
  await page.focus('#na-code');
  await page.keyboard.press('ArrowDown');  // the dictionary's first 町字
  const area = (await page.$eval('#na-code', (s) => s.options[s.selectedIndex].text)).replace(/（\d+）$/, '');
  await page.focus('#na-banchi');
  await type('7番1号');
  await shot('10-change-form');
  // Enter in a field submits its form; wait for the answer to the POST, then for the page.
  const enterAndWait = async (path) => {
    const answered = page.waitForResponse((r) => r.url().endsWith(path) && r.request().method() === 'POST');
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    await answered;
  };
  await enterAndWait('/change');
  for (let i = 0; i < 3 && await page.$('input[name="acknowledged_alerts:list"][type=checkbox]'); i++) {
    await page.focus('input[name="acknowledged_alerts:list"][type=checkbox]');
    await page.keyboard.press('Space');
    await page.focus('#na-banchi');
    await enterAndWait('/change');
  }
  assert.match(await page.textContent('main'), /入力確認/);
  assert.ok((await page.textContent('main')).includes(`${area}7番1号`), area);
  await shot('11-change-confirm');
  await page.focus('button[value=provisional]');
  await Promise.all([page.waitForURL('**/pending?entered=*'), page.keyboard.press('Enter')]);
  assert.match(await page.textContent('main'), /仮登録 1 件/);
  await shot('12-pending');
  await page.focus('form[action="/pending/approve"] button');
  await enterAndWait('/pending/approve');
  assert.match(await page.textContent('main'), /を本登録しました/);
  await page.goto(`${base}/certificate?person=${other.addressee_number}`);
  await page.focus('#person');
  const pdfReply = page.waitForResponse((r) => r.url().endsWith('/certificate') && r.request().method() === 'POST');
  // The PDF opens in the browser's viewer: the navigation has committed once the URL changed.
  const committed = page.waitForURL('**/certificate', { waitUntil: 'commit' });
  await page.keyboard.press('Enter');
  const certificate = await pdfReply;
  assert.equal(certificate.status(), 201);
  assert.equal(certificate.headers()['content-type'], 'application/pdf');
  await committed;

  // 印鑑登録: the 原票 screen of an adult resident, the impression uploaded as a file, same day.
  const adult = run('search', '--db', db, '--address', '架空県架空市', '--match', 'prefix', '--residents-only',
    '--relationship', '世帯主', '--json')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line).record)
    .find((r) => r.household_number !== householdOfTarget && r.birth_date.iso < '2000-01-01');
  const impression = join(work, 'seal.png');
  run('seal', 'sample-image', '--out', impression, '--diameter', '15', '--text', adult.family_name);
  await page.goto(`${base}/seal?person=${adult.addressee_number}`);
  await page.setInputFiles('#image', impression);
  await page.fill('#id-document', '運転免許証');
  await page.check('input[name=material]');
  await page.check('input[name=legibility]');
  await Promise.all([page.waitForURL('**/seal/apply'), page.click('form[action="/seal/apply"] button[type=submit]')]);
  assert.match(await page.textContent('main'), /印鑑を登録しました/);
  await shot('07-seal');

  // 戸籍の附票: one kept here, a 職権修正 entered on its screen, then the notices screen.
  await page.goto(`${base}/fuhyo?id=1`);
  await page.selectOption('#kind', 'shusei');
  await page.selectOption('#member', { index: 1 });
  await page.fill('#reason', '住居表示の誤記');
  await page.fill('#address', '架空県架空市桜町一丁目99番');
  await page.fill('#since', '令和8年11月1日');
  await Promise.all([page.waitForURL('**/fuhyo?id=*&done=shusei'), page.press('#since', 'Enter')]);
  assert.match(await page.textContent('main'), /職権修正を記録しました/);
  assert.match(await page.textContent('main'), /職権修正: 住居表示の誤記/);
  await shot('08-fuhyo');
  await page.goto(`${base}/fuhyo/notices`);
  assert.match(await page.textContent('main'), /附票記載事項通知/);
  await shot('09-fuhyo-notices');

  // 抑止・支援措置: the town's 支援措置 target as the officer sees it.
  await page.goto(`${base}/protection?person=${protectedAtena}`);
  assert.match(await page.textContent('main'), /支援措置期間中|仮支援措置/);
  await shot('13-protection');

  // 法第30条の46 転入 of a foreign resident on the 転入 screen, then the resident view with the
  // 在留資格等 (西暦 dates) and the 在留資格等の変更 form filled with them.
  await page.goto(`${base}/change?type=move_in`);
  await page.selectOption('#p0-kind', 'foreign');
  await page.click('details summary');  // the foreign-resident items open like any disclosure
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
  for (const [id, value] of [['event_date', today], ['p0-fam', 'GARCIA'], ['p0-given', 'MARIA'], ['p0-fk', 'ガルシア'], ['p0-gk', 'マリア'],
    ['p0-birth', '1995-07-14'], ['p0-sex', '女'], ['p0-rel', '世帯主'], ['p0-alpha', 'GARCIA MARIA'],
    ['p0-nat', 'スペイン'], ['p0-status', '留学'], ['p0-period', '2年3月'], ['p0-expiry', '2028-01-31'],
    ['p0-card', 'QW11223344ER'], ['p0-since', today], ['ni-banchi', '2番3号']]) {
    await page.fill(`#${id}`, value);
  }
  await page.selectOption('#p0-cat', 'mid_to_long_term');
  await page.selectOption('#ni-code', { index: 1 });
  await page.check('input[name="from_abroad:bool"]');
  await Promise.all([page.waitForNavigation(), page.click('button[value=check]')]);
  assert.match(await page.textContent('main'), /入力確認/);
  await Promise.all([page.waitForURL('**/resident?atena=*'), page.click('button[value=record]')]);
  const foreignView = await page.textContent('main');
  assert.match(foreignView, /外国人住民の記載事項/);
  assert.match(foreignView, /留学/);
  assert.match(foreignView, /2028年1月31日/);
  await shot('17-foreign-resident');
  await Promise.all([page.waitForURL('**/change?type=foreign_items*'), page.click('a[href^="/change?type=foreign_items"]')]);
  assert.equal(await page.inputValue('#fi-card'), 'QW11223344ER');
  await shot('18-foreign-items');

  // The administrator's screens: the アクセスログ with an analysis list, users, settings.
  await page.goto(`${base}/audit?search=1&resident=${protectedAtena}`);
  assert.match(await page.textContent('main'), /該当 \d+ 件/);
  await shot('14-audit');
  await page.goto(`${base}/users`);
  assert.match(await page.textContent('main'), /利用者を追加する/);
  await shot('15-users');
  await page.goto(`${base}/settings`);
  assert.match(await page.textContent('main'), /認証者/);
  await shot('16-settings');
  console.log(`browser flow ok; screenshots in ${screenshots}`);
} finally {
  if (browser) await browser.close();
  server.kill();
}
