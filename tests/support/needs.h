// What a test case needs that a machine may lack: data beside the clone (../shared/corpora) or
// a tool (xapian-tcpsrv). The case declares it,
//     BOOST_AUTO_TEST_CASE(real_news_indexes, *attache::test::needs("shared_corpora", path))
// and is then labelled with the need, so that tests/CMakeLists.txt registers the cases with a
// need as CTest entries of their own (--run_test=@shared_corpora), and skipped where `path` is
// absent. An executable built with tests/support/skip_main.cpp exits 77 when every case it ran
// was skipped for a need, which CTest (SKIP_RETURN_CODE 77) reports as "Skipped", not passed.
#pragma once

#include <boost/test/unit_test.hpp>
#include <string>

namespace attache::test {

class needs : public boost::unit_test::decorator::base {
  public:
    needs(std::string label, std::string path) : label_(std::move(label)), path_(std::move(path)) {}

    void apply(boost::unit_test::test_unit& tu) override;
    boost::unit_test::decorator::base_ptr clone() const override {
        return boost::unit_test::decorator::base_ptr(new needs(label_, path_));
    }

  private:
    std::string label_, path_;
};

}  // namespace attache::test
