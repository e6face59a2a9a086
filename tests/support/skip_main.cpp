// main() of the test executables whose cases may be skipped for a need (tests/support/needs.h):
// Boost.Test's own, except that a run in which every selected case was skipped exits 77.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <iostream>

#include "tests/support/needs.h"

bool init_unit_test();  // defined by BOOST_TEST_MODULE in the test's own file

namespace {

namespace ut = boost::unit_test;

constexpr int kSkipped = 77;  // the tests' SKIP_RETURN_CODE

size_t g_cases_run = 0;
size_t g_cases_skipped = 0;

struct CaseCounter : ut::test_observer {
    void test_unit_start(const ut::test_unit& tu) override {
        if (tu.p_type == ut::TUT_CASE) ++g_cases_run;
    }
};

struct CountCases {
    CaseCounter counter;
    CountCases() { ut::framework::register_observer(counter); }
    ~CountCases() { ut::framework::deregister_observer(counter); }
};
BOOST_TEST_GLOBAL_FIXTURE(CountCases);

}  // namespace

namespace attache::test {

void needs::apply(ut::test_unit& tu) {
    tu.add_label(label_);
    // Checked when the case is about to run, so that a filtered-out case says nothing.
    tu.add_precondition([path = path_](ut::test_unit_id id) {
        std::error_code ec;
        if (std::filesystem::exists(path, ec)) return boost::test_tools::assertion_result(true);
        ++g_cases_skipped;
        std::cout << "skipped " << ut::framework::get(id, ut::TUT_ANY).full_name() << ": " << path
                  << " is absent" << std::endl;
        boost::test_tools::assertion_result absent(false);
        absent.message() << path << " is absent";
        return absent;
    });
}

}  // namespace attache::test

int main(int argc, char* argv[]) {
    const int code = ut::unit_test_main(&init_unit_test, argc, argv);
    if (code == 0 && g_cases_run == 0 && g_cases_skipped > 0) return kSkipped;
    return code;
}
