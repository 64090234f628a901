// Wall-clock milliseconds for the timings every result carries.
#pragma once

#include <chrono>

namespace mina::bindings {

class Stopwatch {
 public:
  double ms() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0_).count();
  }

 private:
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
};

}  // namespace mina::bindings
