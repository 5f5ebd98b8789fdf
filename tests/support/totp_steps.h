// SPDX-License-Identifier: Apache-2.0
//
// TotpSteps — second-factor codes for tests that log in again and again. A code is accepted once,
// and never one older than the last accepted (RFC 6238 §5.2), so each Next() spends the next step
// of that secret: from the step before now (the drift every verifier allows) up to the one after,
// then it waits for the clock.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <map>
#include <string>
#include <thread>

#include "jrr/web/security/totp.h"

namespace jrr::testing {

class TotpSteps {
 public:
  std::string Next(const std::string& base32_secret) {
    for (;;) {
      int64_t& last = last_[base32_secret];
      const int64_t step = StepToSpend(static_cast<int64_t>(std::time(nullptr)), last);
      if (step != kWait) {
        last = step;
        return web::TotpCode(*web::Base32Decode(base32_secret), static_cast<uint64_t>(step));
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }

  static constexpr int64_t kWait = -1;
  // The step to spend at `now` (seconds since the epoch) after `last`, or kWait. A verifier takes
  // the steps from the one before its own to the one after, so a code for the step before now
  // lapses when the current window closes: in the window's last seconds it is not spent, as the
  // server may read the clock after the window has turned.
  static int64_t StepToSpend(int64_t now, int64_t last) {
    constexpr int64_t kMargin = 10;  // seconds a login may take between choosing and checking
    const int64_t now_step = now / 30;
    const int64_t earliest = now % 30 >= 30 - kMargin ? now_step : now_step - 1;
    const int64_t step = std::max(earliest, last + 1);
    return step <= now_step + 1 ? step : kWait;
  }
  // Forgets what was spent past `step` back, to try a code older than the last accepted one.
  void StepBack(const std::string& base32_secret, int64_t steps) { last_[base32_secret] -= steps; }

 private:
  std::map<std::string, int64_t> last_;
};

}  // namespace jrr::testing
