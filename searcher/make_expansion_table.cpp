// Build-time tool: loads the built-in knowledge base and writes the C++ source of its entity
// expansion table (expansion_index.h), so that `attache search` does not parse the KB to know
// whether a word names an entity. Usage: make_expansion_table OUTPUT.cpp
#include <fstream>
#include <iostream>

#include "searcher/expansion_index.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_expansion_table OUTPUT.cpp\n";
        return 2;
    }
    try {
        const auto kb = attache::kb::KnowledgeBase::load({});
        const std::string source = attache::ExpansionIndex::build(*kb).to_cpp();
        std::ofstream out(argv[1], std::ios::binary);
        out << source;
        if (!out.flush()) {
            std::cerr << "make_expansion_table: cannot write " << argv[1] << "\n";
            return 1;
        }
    } catch (const std::exception& e) {
        std::cerr << "make_expansion_table: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
