#include "blocks.h"

#include <algorithm>
#include <locale>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>

namespace entente::reports::detail {

void write_in_blocks(std::ostream& out, std::size_t count,
                     const std::function<void(std::ostream& out, std::size_t i)>& write_item) {
  const std::size_t blocks = (count + k_block - 1) / k_block;
  const std::locale locale = out.getloc();  // read here: `out` is written as blocks print
  const auto print = [&](std::size_t block) {
    std::ostringstream part;
    part.imbue(locale);  // formats as `out` would
    const std::size_t stop = std::min(count, (block + 1) * k_block);
    for (std::size_t i = block * k_block; i < stop; ++i) write_item(part, i);
    return std::move(part).str();
  };
  make_in_order(blocks, k_blocks_for_two, k_blocks_ahead, print,
                [&](std::string& printed) { out << printed; });
}

}  // namespace entente::reports::detail
