#pragma once

#include <cstdint>
#include <memory>

#include "entente/model.h"

namespace entente {

struct Resolution;

/// Index of a position in `Scenario::positions`.
using PositionId = std::uint32_t;
/// Index of a party in `Scenario::parties`.
using PartyId = std::uint32_t;

class PositionGraph;
namespace detail {
class GraphAccess;
}

/// The graph of parties, positions, stances and conditions of a validated scenario
/// (docs/format.md section 2; a Boost.Graph inside, which the engine's analyses read).
class PositionGraph {
 public:
  /// `scenario` must have passed validate(); the graph keeps its own copy of what it needs.
  /// Its references are looked up here.
  static PositionGraph build(const Scenario& scenario);
  /// The same, with the references as validate() resolved them (a resolution that does not
  /// fit the scenario is made again).
  static PositionGraph build(const Scenario& scenario, const Resolution& resolution);

  PositionGraph(PositionGraph&&) noexcept;
  PositionGraph& operator=(PositionGraph&&) noexcept;
  ~PositionGraph();

  std::size_t party_count() const;
  std::size_t position_count() const;

 private:
  friend class detail::GraphAccess;
  struct Impl;
  explicit PositionGraph(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace entente
