// Cross-file checks of FORMAT.md sections 1 and 3.1: every reference resolves, ids are
// unique, audiences are well formed, and stances are ones a party may take.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "entente/loader.h"
#include "model/spelling.h"

namespace entente {
namespace {

std::string place(const SourceLocation& where) {
  return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

// An id -> item index, reporting duplicates as it is built.
class IdIndex {
 public:
  void add(const std::string& id, const SourceLocation& where, std::string_view what,
           std::vector<Diagnostic>& out) {
    const auto [it, inserted] = index_.try_emplace(id, &where);
    if (inserted) {
      ids_.push_back(id);
    } else {
      out.push_back({where, Severity::error,
                     fmt::format("duplicate {} '{}' (first defined at {})", what, id,
                                 place(*it->second))});
    }
  }
  bool contains(const std::string& id) const { return index_.contains(id); }
  const std::vector<std::string>& ids() const { return ids_; }

 private:
  // Points into the scenario, which outlives the validator.
  std::unordered_map<std::string, const SourceLocation*> index_{};
  std::vector<std::string> ids_{};
};

class Validator {
 public:
  explicit Validator(const Scenario& s) : s_(s) {}

  std::vector<Diagnostic> run() {
    for (const Party& p : s_.parties) parties_.add(p.id, p.where, "party id", out_);
    for (const Issue& i : s_.issues) issues_.add(i.id, i.where, "issue id", out_);
    for (const Source& src : s_.sources) sources_.add(src.id, src.where, "source id", out_);
    for (const Position& p : s_.positions) {
      positions_.add(p.ref(), p.where, "position id", out_);
      own_ids_[p.party].push_back(p.id);
    }
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

  bool resolve(const IdRef& ref, const IdIndex& index, std::string_view what) {
    if (index.contains(ref.id)) return true;
    error(ref.where, fmt::format("unknown {} '{}'{}", what, ref.id,
                                 detail::did_you_mean(ref.id, index.ids())));
    return false;
  }

  void cite(const std::optional<IdRef>& source) {
    if (source && resolve(*source, sources_, "source")) cited_.insert(source->id);
  }

  void check_position(const Position& p) {
    resolve(p.issue, issues_, "issue");
    cite(p.source);
    std::set<std::string> named;
    for (const IdRef& party : p.to) {
      if (!resolve(party, parties_, "party")) continue;
      if (party.id == p.party) {
        error(party.where, fmt::format("'to' names the holder '{}' itself", p.party));
      } else if (!named.insert(party.id).second) {
        error(party.where, fmt::format("'to' names '{}' twice", party.id));
      }
    }
  }

  bool in_audience(const Position& target, const std::string& party) const {
    if (target.to.empty()) return party != target.party;
    return std::any_of(target.to.begin(), target.to.end(),
                       [&](const IdRef& r) { return r.id == party; });
  }

  // A PARTY/POSITION reference; suggests among all positions when it does not resolve.
  const Position* resolve_position(const IdRef& ref) {
    if (const auto it = by_ref_.find(ref.id); it != by_ref_.end()) return it->second;
    error(ref.where, fmt::format("unknown position '{}'{}", ref.id,
                                 detail::did_you_mean(ref.id, positions_.ids())));
    return nullptr;
  }

  void check_stance(const StanceDecl& st) {
    cite(st.source);
    if (st.via) {
      if (!positions_.contains(st.party + "/" + st.via->id)) {
        const auto& own = own_ids_[st.party];
        error(st.via->where, fmt::format("'via' must name a position of '{}', and '{}' is not "
                                         "one{}",
                                         st.party, st.via->id, detail::did_you_mean(st.via->id, own)));
      }
    }
    for (const IdRef& condition : st.agree_if) {
      if (!withdrawn_.contains(condition.id)) resolve_position(condition);
    }
    const Position* target = resolve_position(st.position);
    if (target == nullptr) return;
    if (target->party == st.party) {
      error(st.position.where,
            fmt::format("'{}' takes a stance on its own position '{}'", st.party, st.position.id));
      return;
    }
    const auto key = std::make_pair(st.party, st.position.id);
    if (const auto [it, inserted] = first_stance_.try_emplace(key, st.where); !inserted) {
      error(st.where, fmt::format("second stance of '{}' on '{}' (first at {})", st.party,
                                  st.position.id, place(it->second)));
      return;
    }
    if (!in_audience(*target, st.party)) {
      warning(st.position.where,
              fmt::format("'{}' is not in the audience of '{}', so this stance does not count",
                          st.party, st.position.id));
    }
  }

  void check_stances() {
    for (const Position& p : s_.positions) by_ref_.try_emplace(p.ref(), &p);
    withdrawn_.insert(s_.withdrawn.begin(), s_.withdrawn.end());
    for (const StanceDecl& st : s_.stances) check_stance(st);
  }

  void check_unused_sources() {
    for (const Source& src : s_.sources) {
      if (!cited_.contains(src.id)) {
        warning(src.where, fmt::format("source '{}' is not cited by any position or stance", src.id));
      }
    }
  }

  const Scenario& s_;
  std::vector<Diagnostic> out_{};
  IdIndex parties_{}, issues_{}, sources_{}, positions_{};
  std::unordered_map<std::string, std::vector<std::string>> own_ids_{};
  std::unordered_map<std::string, const Position*> by_ref_{};
  std::map<std::pair<std::string, std::string>, SourceLocation> first_stance_{};
  std::set<std::string> cited_{};
  std::set<std::string> withdrawn_{};
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
