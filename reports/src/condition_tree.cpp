#include "condition_tree.h"

#include <algorithm>
#include <set>
#include <string>

namespace entente::reports::detail {
namespace {

using Kind = ConditionLine::Kind;

// A line still to be written: a conditional stance of `on`, or a condition named `ref`.
struct Pending {
  Kind kind = Kind::condition;
  int depth = 0;
  const PositionRow* on = nullptr;
  const StanceRow* answer = nullptr;
  std::string ref{};
};

class Builder {
 public:
  Builder(const Report& report, const PositionRow& root, int max_depth)
      : report_(report), max_depth_(max_depth), path_{root.ref}, seen_{root.ref} {
    push_stances(root, 0);
  }

  ConditionTree run() {
    while (!stack_.empty()) {
      const Pending next = std::move(stack_.back());
      stack_.pop_back();
      if (next.kind == Kind::stance) {
        stance(next);
      } else {
        condition(next);
      }
    }
    return std::move(tree_);
  }

 private:
  // Pushed in reverse so that they come off the stack in the order of the report.
  void push_stances(const PositionRow& on, int depth) {
    for (auto it = on.stances.rbegin(); it != on.stances.rend(); ++it) {
      if (it->conditional) stack_.push_back({Kind::stance, depth, &on, &*it, {}});
    }
  }

  void stance(const Pending& p) {
    tree_.lines.push_back({.kind = Kind::stance,
                           .depth = p.depth,
                           .party = std::string(p.answer->party),
                           .ref = p.on->ref,
                           .stance = p.answer->stance,
                           .met = p.answer->condition_met});
    const auto& names = p.answer->agree_if;
    for (auto it = names.rbegin(); it != names.rend(); ++it) {
      stack_.push_back({Kind::condition, p.depth + 1, nullptr, nullptr, std::string(*it)});
    }
  }

  void condition(const Pending& p) {
    ConditionLine line{.kind = Kind::condition, .depth = p.depth, .ref = p.ref};
    const PositionRow* row = report_.find(p.ref);
    if (row != nullptr) {
      line.status = row->status;
      line.met = row->status == PositionStatus::agreed;
      line.deadlock = row->deadlock;
      for (const StanceRow& answer : row->stances) {
        if (answer.conditional) line.conditional_by.emplace_back(answer.party);
      }
    }
    // Stance lines sit at even depths, conditions at odd ones: level 1 is a condition of the
    // explained position, and the path holds the root and this condition's ancestors.
    const std::size_t level = static_cast<std::size_t>(p.depth + 1) / 2;
    path_.resize(level);
    if (std::find(path_.begin(), path_.end(), p.ref) != path_.end()) {
      line.stop = Stop::cycle;
    } else if (!seen_.insert(p.ref).second) {
      line.stop = Stop::repeat;
    } else if (!line.conditional_by.empty() && static_cast<int>(level) >= max_depth_) {
      line.stop = Stop::depth;
      tree_.truncated = true;
      seen_.erase(p.ref);  // not followed here: a shallower branch may still follow it
    }
    tree_.lines.push_back(line);
    if (row == nullptr || line.stop != Stop::none) return;
    path_.push_back(p.ref);
    push_stances(*row, p.depth + 1);
  }

  const Report& report_;
  int max_depth_;
  std::vector<std::string> path_;
  std::set<std::string> seen_;
  std::vector<Pending> stack_{};
  ConditionTree tree_{};
};

}  // namespace

ConditionTree condition_tree(const Report& report, const PositionRow& root, int max_depth) {
  return Builder(report, root, max_depth).run();
}

}  // namespace entente::reports::detail
