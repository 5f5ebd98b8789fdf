// SPDX-License-Identifier: Apache-2.0
//
// 職員 and login (JK-10.3): the first administrator, Argon2id passwords, forced change of an
// initial password, the second factor, lock-out after repeated failures, validity periods, and
// the 認証ログ.
#include "jrr/domain/security/staff.h"

#include <gtest/gtest.h>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/persistence/security/sqlite_staff_directory.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

// A second factor whose right code is "123456" with the secret "SECRET" (the real TOTP is tested
// against RFC 6238's vectors in tests/web).
class FixedCodes final : public OneTimeCodes {
 public:
  // Each right code is a step not seen before, as an authenticator shows a new code each 30 s
  // (replay is tested against the real TOTP in tests/regressions).
  std::optional<int64_t> StepOf(const std::string& secret, const std::string& code,
                                int64_t) override {
    if (secret != "SECRET" || code != "123456") return std::nullopt;
    return ++step_;
  }
  int64_t step_ = 0;
};

class StaffTest : public RegisterFixture {
 protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    staff_ = std::make_unique<SqliteStaffDirectory>(*db_);
    log_ = std::make_unique<SqliteAuditLog>(*db_);
    auth_ = std::make_unique<Authenticator>(*staff_, hasher_, codes_, *log_);
  }
  LoginPlace At(int64_t now, const char* today = "2026-11-27") {
    return LoginPlace{"T01", "本庁", CalDay(today), now};
  }
  Result<LoginOutcome> Login(const std::string& id, const std::string& password,
                             const std::string& code, int64_t now) {
    return auth_->Login(Credentials{id, password, code}, At(now));
  }
  // An administrator who has changed the initial password and enrolled.
  Viewer ReadyAdmin() {
    StaffUser admin;
    admin.user_id = "admin01";
    admin.name = "管理　太郎";
    admin.valid_from = CalDay("2026-04-01");
    EXPECT_TRUE(auth_->AddFirstAdministrator(admin, "initial-password-1"));
    EXPECT_TRUE(
        auth_->ChangePassword("admin01", "initial-password-1", "a-long-secret-2", At(now_)));
    EXPECT_TRUE(auth_->EnrolSecondFactor("admin01", "SECRET", "123456", At(now_)));
    auto in = Login("admin01", "a-long-secret-2", "123456", now_);
    EXPECT_TRUE(in) << (in ? "" : in.error().rule_id);
    return in ? in->viewer : Viewer{};
  }
  int64_t Logged(const char* action) {
    return db_->QueryInt(std::string("SELECT count(*) FROM audit_entry WHERE action = '") + action +
                         "'");
  }

  Argon2PasswordHasher hasher_;
  FixedCodes codes_;
  std::unique_ptr<SqliteStaffDirectory> staff_;
  std::unique_ptr<SqliteAuditLog> log_;
  std::unique_ptr<Authenticator> auth_;
  int64_t now_ = 1'800'000'000;
};

// REQ: JK-10.3
TEST_F(StaffTest, FirstAdministratorThenPasswordChangeThenSecondFactor) {
  StaffUser admin;
  admin.user_id = "admin01";
  admin.name = "管理　太郎";
  admin.valid_from = CalDay("2026-04-01");
  EXPECT_EQ(auth_->AddFirstAdministrator(admin, "short").error().rule_id, "staff.password_weak");
  ASSERT_TRUE(auth_->AddFirstAdministrator(admin, "initial-password-1"));
  EXPECT_EQ(auth_->AddFirstAdministrator(admin, "initial-password-1").error().rule_id,
            "staff.exists");
  const StaffUser stored = *staff_->Find("admin01");
  EXPECT_TRUE(stored.password_hash.starts_with("$argon2id$"));
  EXPECT_EQ(stored.password_hash.find("initial-password-1"), std::string::npos);
  EXPECT_EQ(stored.permissions, AllPermissions());
  // The first login only allows changing the initial password: no permission yet.
  auto first = Login("admin01", "initial-password-1", "", now_);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->next, LoginStep::kChangePassword);
  EXPECT_TRUE(first->viewer.permissions.empty());
  EXPECT_EQ(auth_->ChangePassword("admin01", "wrong-password-x", "a-long-secret-2", At(now_))
                .error()
                .rule_id,
            "auth.failed");
  EXPECT_EQ(
      auth_->ChangePassword("admin01", "initial-password-1", "admin01", At(now_)).error().rule_id,
      "staff.password_weak");
  EXPECT_EQ(auth_->ChangePassword("admin01", "initial-password-1", "initial-password-1", At(now_))
                .error()
                .rule_id,
            "staff.password_weak");
  ASSERT_TRUE(auth_->ChangePassword("admin01", "initial-password-1", "a-long-secret-2", At(now_)));
  // Then the second factor must be enrolled, proven by a code.
  auto second = Login("admin01", "a-long-secret-2", "", now_);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->next, LoginStep::kEnrolSecondFactor);
  EXPECT_EQ(auth_->EnrolSecondFactor("admin01", "SECRET", "000000", At(now_)).error().rule_id,
            "staff.code_invalid");
  ASSERT_TRUE(auth_->EnrolSecondFactor("admin01", "SECRET", "123456", At(now_)));
  // From now on both factors are needed; a wrong one says nothing about which was wrong.
  EXPECT_EQ(Login("admin01", "a-long-secret-2", "", now_).error().rule_id, "auth.failed");
  EXPECT_EQ(Login("admin01", "a-long-secret-2", "654321", now_).error().rule_id, "auth.failed");
  EXPECT_EQ(Login("admin01", "not-the-password", "123456", now_).error().rule_id, "auth.failed");
  EXPECT_EQ(Login("nobody", "a-long-secret-2", "123456", now_).error().rule_id, "auth.failed");
  auto in = Login("admin01", "a-long-secret-2", "123456", now_);
  ASSERT_TRUE(in);
  EXPECT_EQ(in->next, LoginStep::kDone);
  EXPECT_EQ(in->viewer.permissions, AllPermissions());
  EXPECT_EQ(in->viewer.terminal, "T01");
  // Every attempt is in the 認証ログ; no password is.
  EXPECT_EQ(Logged("login"), 3);
  EXPECT_EQ(Logged("login_failure"), 6);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM audit_entry WHERE detail LIKE '%secret%' OR "
                          "detail LIKE '%password-1%'"),
            0);
}

// REQ: JK-10.3
TEST_F(StaffTest, RepeatedFailuresLockTheAccount) {
  ReadyAdmin();
  for (int i = 0; i < kMaxFailedLogins; ++i) {
    EXPECT_EQ(Login("admin01", "guess-" + std::to_string(i), "123456", now_ + i).error().rule_id,
              "auth.failed");
  }
  // Locked: even the right password and code are refused, until the lock runs out.
  EXPECT_EQ(Login("admin01", "a-long-secret-2", "123456", now_ + 10).error().rule_id,
            "auth.locked");
  EXPECT_EQ(Login("admin01", "a-long-secret-2", "123456", now_ + 4 + 60 * kLockMinutes - 1)
                .error()
                .rule_id,
            "auth.locked");
  EXPECT_TRUE(Login("admin01", "a-long-secret-2", "123456", now_ + 4 + 60 * kLockMinutes));
  // A success resets the count; four more failures do not lock.
  for (int i = 0; i < kMaxFailedLogins - 1; ++i)
    EXPECT_FALSE(Login("admin01", "guess", "123456", now_ + 2000));
  EXPECT_TRUE(Login("admin01", "a-long-secret-2", "123456", now_ + 2001));
}

// REQ: JK-10.3, JK-10.4
TEST_F(StaffTest, AdministratorsManageUsersAndOthersCannot) {
  const Viewer admin = ReadyAdmin();
  StaffUser clerk;
  clerk.user_id = "clerk01";
  clerk.name = "窓口　花子";
  clerk.department = "市民課";
  clerk.valid_from = CalDay("2026-04-01");
  clerk.valid_to = CalDay("2027-03-31");
  clerk.permissions = {Permission::kView, Permission::kChange};
  int64_t request = 0;
  ASSERT_TRUE(auth_->AddUser(admin, clerk, "clerk-initial-1", &request));
  // Every grant waits for a second administrator; the one who asked cannot approve it.
  EXPECT_EQ(staff_->Find("clerk01")->permissions, std::set<Permission>{});
  ASSERT_NE(request, 0);
  EXPECT_EQ(auth_->DecidePermissionRequest(admin, request, true).error().rule_id,
            "staff.second_approver_required");
  Viewer second = admin;
  second.operator_id = "admin02";
  // The approver gets the initial password: the one who made the account may know the first.
  auto approved = auth_->DecidePermissionRequest(second, request, true, "clerk-initial-2");
  ASSERT_TRUE(approved);
  EXPECT_EQ(*approved, "clerk01");
  EXPECT_EQ(auth_->AddUser(admin, clerk, "clerk-initial-1").error().rule_id, "staff.exists");
  EXPECT_FALSE(auth_->ChangePassword("clerk01", "clerk-initial-1", "clerk-secret-22", At(now_)));
  ASSERT_TRUE(auth_->ChangePassword("clerk01", "clerk-initial-2", "clerk-secret-22", At(now_)));
  ASSERT_TRUE(auth_->EnrolSecondFactor("clerk01", "SECRET", "123456", At(now_)));
  auto in = Login("clerk01", "clerk-secret-22", "123456", now_);
  ASSERT_TRUE(in);
  EXPECT_EQ(in->viewer.permissions, (std::set<Permission>{Permission::kView, Permission::kChange}));
  // A clerk is no administrator.
  EXPECT_EQ(auth_->SetPermissions(in->viewer, "clerk01", AllPermissions()).error().rule_id,
            "access.permission_denied");
  EXPECT_EQ(auth_->AddUser(in->viewer, clerk, "another-password").error().rule_id,
            "access.permission_denied");
  // The administrator grants, resets (the next login must change it again), and disables.
  ASSERT_TRUE(auth_->SetPermissions(admin, "clerk01", {Permission::kView}));
  EXPECT_EQ(Login("clerk01", "clerk-secret-22", "123456", now_)->viewer.permissions,
            std::set<Permission>{Permission::kView});
  // A reset of someone who may do something is a request too: one administrator resetting both
  // the password and the second factor could otherwise log in as them.
  auto reset = auth_->ResetPassword(admin, "clerk01");
  ASSERT_TRUE(reset);
  ASSERT_TRUE(reset->pending);
  EXPECT_TRUE(Login("clerk01", "clerk-secret-22", "123456", now_))
      << "nothing changes until approved";
  EXPECT_EQ(auth_->DecidePermissionRequest(admin, reset->request_id, true, "reset-password-3")
                .error()
                .rule_id,
            "staff.second_approver_required");
  ASSERT_EQ(*auth_->DecidePermissionRequest(second, reset->request_id, true, "reset-password-3"),
            "clerk01");
  EXPECT_EQ(Login("clerk01", "reset-password-3", "123456", now_)->next, LoginStep::kChangePassword);
  auto second_factor = auth_->ResetSecondFactor(admin, "clerk01");
  ASSERT_TRUE(second_factor && second_factor->pending);
  EXPECT_TRUE(staff_->Find("clerk01")->totp_enrolled);
  ASSERT_TRUE(auth_->DecidePermissionRequest(second, second_factor->request_id, true));
  EXPECT_FALSE(staff_->Find("clerk01")->totp_enrolled);
  // Outside the period of validity, and once disabled, the right credentials do not let them in.
  EXPECT_EQ(auth_->Login(Credentials{"clerk01", "reset-password-3", ""}, At(now_, "2027-04-01"))
                .error()
                .rule_id,
            "auth.expired");
  ASSERT_TRUE(auth_->Disable(admin, "clerk01"));
  EXPECT_EQ(Login("clerk01", "reset-password-3", "", now_).error().rule_id, "auth.expired");
  // Nothing was overwritten: every change is a version.
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM staff_user_version WHERE user_id = 'clerk01'"), 8);
  EXPECT_THROW(db_->Execute("UPDATE staff_user_version SET disabled = 0"), StorageError);
  EXPECT_EQ(auth_->Unlock(admin, "nobody", now_).error().rule_id, "staff.not_found");
  StaffUser nameless;
  nameless.valid_from = CalDay("2026-04-01");
  EXPECT_EQ(auth_->AddUser(admin, nameless, "some-long-password").error().rule_id,
            "staff.id_required");
  // Two administrators changing one user: a save of an old version is refused.
  StaffUser stale = *staff_->Find("clerk01");
  ++stale.version;
  ASSERT_TRUE(staff_->Save(stale));
  EXPECT_EQ(staff_->Save(stale).error().rule_id, "staff.stale");
}

}  // namespace
}  // namespace jrr::testing
