# jrr_warnings: an INTERFACE target linked PRIVATE into each of our own targets, so third-party
# headers (included as SYSTEM through imported targets) never break the build.
add_library(jrr_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(jrr_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wimplicit-fallthrough -Wcast-qual -Wformat=2 -Wold-style-cast -Werror=switch)
endif()
if(JRR_WARNINGS_AS_ERRORS)
  set(CMAKE_COMPILE_WARNING_AS_ERROR ON)
endif()
