// Cross-file checks of FORMAT.md sections 1 and 3.1: every reference resolves, ids are
// unique, audiences are well formed, and stances are ones a party may take.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "entente/loader.h"
#include "entente/parallel.h"
#include "model/id_table.h"
#include "model/spelling.h"

namespace entente {
namespace {

using detail::IdTable;

// An index that names nothing: no party (an unknown holder or audience member), no stance
// (the end of a position's list of stances).
constexpr std::uint32_t k_unknown = UINT32_MAX;

std::string place(const SourceLocation& where) {
  return fmt::format("{}:{}:{}", where.file.view(), where.line, where.column);
}

// Ids of one kind -> the index of their first item, reporting repeats as it is built. It
// keeps views: of the scenario's strings, or of the validator's refs.
class IdIndex {
 public:
  void reserve(std::size_t n) {
    table_ = IdTable(n);
    where_.reserve(n);
  }
  /// Adds the next item (items are added in order, so the n-th call is item n).
  void add(std::string_view id, const SourceLocation& where, std::string_view what,
           std::vector<Diagnostic>& out) {
    where_.push_back(&where);
    const auto [first, added] = table_.add(id);
    if (!added) {
      out.push_back({where, Severity::error,
                     fmt::format("duplicate {} '{}' (first defined at {})", what, id,
                                 place(*where_[first]))});
    }
  }
  std::optional<std::uint32_t> find(std::string_view id) const { return table_.find(id); }
  /// Every id once, in the order added: the candidates of a spelling suggestion. Made on
  /// the first error that needs it.
  const std::vector<std::string>& ids() const {
    if (!ids_) {
      ids_.emplace();
      for (const std::string_view id : table_.ids()) ids_->emplace_back(id);
    }
    return *ids_;
  }

 private:
  IdTable table_{};
  std::vector<const SourceLocation*> where_{};  ///< per item; into the scenario
  mutable std::optional<std::vector<std::string>> ids_{};
};

class Validator {
 public:
  explicit Validator(const Scenario& s) : s_(s) {}

  std::vector<Diagnostic> run() {
    for (const Party& p : s_.parties) parties_.add(p.id, p.where, "party id", out_);
    for (const Issue& i : s_.issues) issues_.add(i.id, i.where, "issue id", out_);
    for (const Source& src : s_.sources) sources_.add(src.id, src.where, "source id", out_);
    // Reserved first: the index keeps views of these strings.
    refs_.reserve(s_.positions.size());
    positions_.reserve(s_.positions.size());
    for (const Position& p : s_.positions) {
      positions_.add(refs_.emplace_back(p.ref()), p.where, "position id", out_);
    }
    cited_.assign(s_.sources.size(), false);
    named_in_.assign(s_.parties.size(), 0);
    holder_.reserve(s_.positions.size());
    everyone_.reserve(s_.positions.size());
    audience_end_.reserve(s_.positions.size());
    for (const Position& p : s_.positions) check_position(p);
    check_stances();
    check_unused_sources();
    return std::move(out_);
  }

 private:
  void error(const SourceLocation& at, std::string message) {
    out_.push_back({at, Severity::error, std::move(message)});
  }
  void warning(const SourceLocation& at, std::string message) {
    out_.push_back({at, Severity::warning, std::move(message)});
  }

  std::optional<std::uint32_t> resolve(const IdRef& ref, const IdIndex& index,
                                       std::string_view what) {
    const std::optional<std::uint32_t> found = index.find(ref.id);
    if (!found) {
      error(ref.where, fmt::format("unknown {} '{}'{}", what, ref.id,
                                   detail::did_you_mean(ref.id, index.ids())));
    }
    return found;
  }

  void cite(const std::optional<IdRef>& source) {
    if (!source) return;
    if (const auto index = resolve(*source, sources_, "source")) cited_[*index] = true;
  }

  // Also records the position's holder and audience as party indexes, so that the stance
  // checks, which visit positions in no order, read small arrays and not the positions.
  void check_position(const Position& p) {
    resolve(p.issue, issues_, "issue");
    cite(p.source);
    holder_.push_back(parties_.find(p.party).value_or(k_unknown));
    everyone_.push_back(p.to.empty());
    ++audience_stamp_;
    for (const IdRef& party : p.to) {
      const std::optional<std::uint32_t> index = resolve(party, parties_, "party");
      audience_.push_back(index.value_or(k_unknown));
      if (!index) continue;
      if (party.id == p.party) {
        error(party.where, fmt::format("'to' names the holder '{}' itself", p.party));
      } else if (std::exchange(named_in_[*index], audience_stamp_) == audience_stamp_) {
        error(party.where, fmt::format("'to' names '{}' twice", party.id));
      }
    }
    audience_end_.push_back(static_cast<std::uint32_t>(audience_.size()));
  }

  // Whether position `t` is held by the stance-taker `taker` (its index, none when it is not
  // a party) called `name`. Names are compared only when an index is missing.
  bool holds(std::uint32_t t, std::optional<std::uint32_t> taker, const std::string& name) const {
    if (taker && holder_[t] != k_unknown) return holder_[t] == *taker;
    return s_.positions[t].party == name;
  }

  bool in_audience(std::uint32_t t, std::optional<std::uint32_t> taker,
                   const std::string& name) const {
    if (!taker) {
      const Position& target = s_.positions[t];
      if (target.to.empty()) return name != target.party;
      return std::any_of(target.to.begin(), target.to.end(),
                         [&](const IdRef& r) { return r.id == name; });
    }
    if (everyone_[t]) return holder_[t] != *taker;
    const auto end = audience_.begin() + audience_end_[t];
    return std::find(audience_.begin() + (t == 0 ? 0 : audience_end_[t - 1]), end, *taker) != end;
  }

  // A PARTY/POSITION reference; suggests among all positions when it does not resolve.
  std::optional<std::uint32_t> resolve_position(const IdRef& ref) {
    return resolve(ref, positions_, "position");
  }

  // The ids of `party`'s positions, for a suggestion; made on the first error that needs them.
  const std::vector<std::string>& own_ids(const std::string& party) {
    const auto [it, inserted] = own_ids_.try_emplace(party);
    if (inserted) {
      for (const Position& p : s_.positions) {
        if (p.party == party) it->second.push_back(p.id);
      }
    }
    return it->second;
  }

  // What a stance's references resolve to: looked up for every stance on two threads
  // (lookups in no order are most of the time), judged on one, in stance order.
  struct Resolved {
    std::optional<std::uint32_t> target{};  ///< the position it is on
    std::optional<std::uint32_t> taker{};   ///< the party taking it
    bool via_found = true;                  ///< no via, or via names a position of the taker
    bool conditions_found = true;           ///< every agree_if resolves or is withdrawn
  };

  Resolved resolved(const StanceDecl& st, std::string& via) const {
    Resolved r{.target = positions_.find(st.position.id), .taker = parties_.find(st.party)};
    if (st.via) {
      via.assign(st.party).append("/").append(st.via->id);
      r.via_found = positions_.find(via).has_value();
    }
    for (const IdRef& condition : st.agree_if) {
      if (!withdrawn_.contains(condition.id) && !positions_.find(condition.id)) {
        r.conditions_found = false;
      }
    }
    return r;
  }

  void check_stance(std::uint32_t index, const StanceDecl& st, const Resolved& r) {
    cite(st.source);
    if (!r.via_found) {
      error(st.via->where,
            fmt::format("'via' must name a position of '{}', and '{}' is not one{}", st.party,
                        st.via->id, detail::did_you_mean(st.via->id, own_ids(st.party))));
    }
    if (!r.conditions_found) {
      for (const IdRef& condition : st.agree_if) {
        if (!withdrawn_.contains(condition.id)) resolve_position(condition);
      }
    }
    if (!r.target) {
      resolve_position(st.position);  // says so
      return;
    }
    if (holds(*r.target, r.taker, st.party)) {
      error(st.position.where,
            fmt::format("'{}' takes a stance on its own position '{}'", st.party, st.position.id));
      return;
    }
    // The stance-taker by index when it is a party; an unknown one (an error of the loader's)
    // by a number past every party's.
    const auto taker = r.taker.value_or(static_cast<std::uint32_t>(s_.parties.size()));
    for (std::uint32_t j = last_on_[*r.target]; j != k_unknown; j = before_on_[j]) {
      if (taker_of_[j] == taker) {
        error(st.where, fmt::format("second stance of '{}' on '{}' (first at {})", st.party,
                                    st.position.id, place(s_.stances[j].where)));
        return;
      }
    }
    taker_of_[index] = taker;
    before_on_[index] = std::exchange(last_on_[*r.target], index);
    if (!in_audience(*r.target, r.taker, st.party)) {
      warning(st.position.where,
              fmt::format("'{}' is not in the audience of '{}', so this stance does not count",
                          st.party, st.position.id));
    }
  }

  void check_stances() {
    withdrawn_.insert(s_.withdrawn.begin(), s_.withdrawn.end());
    std::vector<Resolved> found(s_.stances.size());
    const auto resolve = [&](std::size_t begin, std::size_t end) {
      std::string via;
      for (std::size_t i = begin; i < end; ++i) found[i] = resolved(s_.stances[i], via);
    };
    for_two_halves(found.size(), k_worth_a_second_thread, resolve);
    last_on_.assign(s_.positions.size(), k_unknown);
    before_on_.assign(s_.stances.size(), k_unknown);
    taker_of_.assign(s_.stances.size(), k_unknown);
    for (std::uint32_t i = 0; i < found.size(); ++i) check_stance(i, s_.stances[i], found[i]);
  }

  void check_unused_sources() {
    for (const Source& src : s_.sources) {
      // A repeated source id is an error already; the citations count for its first one.
      if (!cited_[*sources_.find(src.id)]) {
        warning(src.where,
                fmt::format("source '{}' is not cited by any position or stance", src.id));
      }
    }
  }

  const Scenario& s_;
  std::vector<Diagnostic> out_{};
  IdIndex parties_{}, issues_{}, sources_{}, positions_{};
  std::vector<std::string> refs_{};  ///< PARTY/POSITION of each position, keys of positions_
  // The stances counted so far on each position, as lists through stance indexes (a second
  // stance of one party on one position is looked for among the few on that position).
  std::vector<std::uint32_t> last_on_{};    ///< by position: the last stance counted on it
  std::vector<std::uint32_t> before_on_{};  ///< by stance: the one counted before it there
  std::vector<std::uint32_t> taker_of_{};   ///< by stance counted: its taker's party index
  std::vector<bool> cited_{};              ///< by index in Scenario::sources
  std::vector<std::uint64_t> named_in_{};  ///< by party: the last position whose `to` names it
  std::uint64_t audience_stamp_ = 0;
  std::vector<std::uint32_t> holder_{};        ///< by position: its holder's party index
  std::vector<bool> everyone_{};               ///< by position: no `to`, every other party
  std::vector<std::uint32_t> audience_{};      ///< every position's `to`, as party indexes
  std::vector<std::uint32_t> audience_end_{};  ///< by position: where its `to` ends in audience_
  std::unordered_map<std::string, std::vector<std::string>> own_ids_{};
  std::unordered_set<std::string_view> withdrawn_{};
};

}  // namespace

Expected<Scenario> validate(Scenario scenario) {
  std::vector<Diagnostic> found = Validator(scenario).run();
  if (has_errors(found)) {
    // Every problem comes back at once: the warnings of loading too.
    found.insert(found.end(), scenario.warnings.begin(), scenario.warnings.end());
    sort_diagnostics(found);
    return tl::unexpected(std::move(found));
  }
  scenario.warnings.insert(scenario.warnings.end(), found.begin(), found.end());
  sort_diagnostics(scenario.warnings);
  return scenario;
}

}  // namespace entente
