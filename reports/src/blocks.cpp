#include "blocks.h"

#include <algorithm>
#include <locale>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>

namespace entente::reports::detail {

void print_in_blocks(std::size_t count,
                     const std::function<std::string(std::size_t begin, std::size_t end)>& print,
                     const std::function<void(std::string& printed)>& use) {
  const std::size_t blocks = (count + k_block - 1) / k_block;
  const auto print_block = [&](std::size_t block) {
    return print(block * k_block, std::min(count, (block + 1) * k_block));
  };
  make_in_order(blocks, k_blocks_for_two, k_blocks_ahead, print_block, use);
}

void write_in_blocks(std::ostream& out, std::size_t count,
                     const std::function<void(std::ostream& out, std::size_t i)>& write_item) {
  const std::locale locale = out.getloc();  // read here: `out` is written as blocks print
  const auto print = [&](std::size_t begin, std::size_t end) {
    std::ostringstream part;
    part.imbue(locale);  // formats as `out` would
    for (std::size_t i = begin; i < end; ++i) write_item(part, i);
    return std::move(part).str();
  };
  print_in_blocks(count, print, [&](std::string& printed) { out << printed; });
}

}  // namespace entente::reports::detail
