#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "entente/model.h"

namespace entente {

struct Resolution;

/// Index of a position in `Scenario::positions`.
using PositionId = std::uint32_t;
/// Index of a party in `Scenario::parties`.
using PartyId = std::uint32_t;

/// The kinds of edge of FORMAT.md section 2.
enum class Relation { holds, agree, reject, consider };

std::string_view to_string(Relation r);

/// A vertex is a party or a position.
struct Vertex {
  enum class Kind { party, position };
  Kind kind = Kind::party;
  std::uint32_t index = 0;  ///< PartyId or PositionId

  friend bool operator==(const Vertex&, const Vertex&) = default;
};

struct Edge {
  Vertex from{};
  Vertex to{};
  Relation relation = Relation::holds;

  friend bool operator==(const Edge&, const Edge&) = default;
};

/// The graph of parties, positions and stances of a validated scenario (Boost.Graph inside).
class PositionGraph {
 public:
  /// `scenario` must have passed validate() (std::invalid_argument otherwise); the graph keeps
  /// its own copy of what it needs. Its references are looked up here.
  static PositionGraph build(const Scenario& scenario);
  /// The same, with the references as validate() resolved them (a resolution that does not
  /// fit the scenario is made again).
  static PositionGraph build(const Scenario& scenario, const Resolution& resolution);

  PositionGraph(PositionGraph&&) noexcept;
  PositionGraph& operator=(PositionGraph&&) noexcept;
  ~PositionGraph();

  std::size_t party_count() const;
  std::size_t position_count() const;
  std::optional<PositionId> find_position(std::string_view ref) const;
  /// Every edge, in a stable order (by source vertex, then insertion).
  std::vector<Edge> edges() const;

  struct Impl;
  /// For the analyses (engine/src only: Impl is private).
  const Impl& impl() const { return *impl_; }

 private:
  explicit PositionGraph(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

}  // namespace entente
