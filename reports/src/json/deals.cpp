// The answer of `entente deals` as JSON, in the shape docs/format.md 8.4 fixes; keys beyond
// it are added, never renamed or given a new meaning.
//
// {
//   "format": 1,
//   "schema_version": 1,
//   "deals": {
//     "parties": ["party", ...],          // sorted: every "gains" object lists them in order
//     "by": ["party", ...],               // sorted; empty: every party may move
//     "binding": bool, "allow_red_lines": bool,
//     "top": 10,                          // frontier points listed at most
//     "frontier": [deal, ...],            // in frontier order
//     "complete": bool,                   // false when --top cut the frontier
//     "solutions": {"nash": deal, "leximin": deal, "utilitarian": deal},
//     "blocked": ["ref", ...],            // positions in no acceptable deal, sorted
//     "blocked_why": [{"position": "ref",
//                      "reason": "unacceptable" | "red_line" | "by" | "binding" | "several",
//                      "worst": n | null}],  // unacceptable: the worst-off party's gain
//                                            // where, holding it, that party fares best
//     "score": {                          // only with --score
//       "positions": [...], "feasible": bool, "why_not": ["sentence", ...],
//       "gains": {...}, "joint": n, "acceptable": bool, "moves": [...], "lost": [...],
//       "losses": [...], "gained": [...], "conditions_met": [...],
//       "dominated_by": [deal, ...],      // frontier points, in frontier order, at most top
//       "more_dominating": bool}          // top cut that list
//   }
// }
// deal = {"positions": ["ref", ...], "gains": {"party": n, ...}, "joint": n,
//         "moves": [{"party": "p", "position": "ref", "from": "reject" | "consider" | "silent",
//                    "via": "ref" | null, "cost": n}],   // by party, then position; cost:
//                                                        // its own (0 when via a position)
//         "lost": ["ref", ...],
//         "losses": [{"party": "p", "position": "ref", "cost": n, "red_line": bool,
//                     "doubled": bool, "superseded": bool}],  // by position
//         "gained": [{"party": "p", "position": "ref", "gain": n}],  // its demands, by position
//         "conditions_met": [{"party": "p", "position": "ref", "agree_if": ["ref", ...]}]}
#include <ostream>
#include <vector>

#include "entente/reports/deals.h"
#include "json/stream.h"
#include "writers.h"

namespace entente::reports {
namespace {

using detail::JsonStream;

constexpr int k_schema_version = 1;

std::string_view from_name(const DealMove& m) { return m.from ? to_string(*m.from) : "silent"; }

void stream_gains(const std::vector<std::string>& parties, const std::vector<int>& gains,
                  JsonStream& json) {
  json.begin_object();
  for (std::size_t q = 0; q < parties.size(); ++q) json.member(parties[q], gains[q]);
  json.end_object();
}

// The members a deal and a score share.
void stream_deal_members(const std::vector<std::string>& parties, const Deal& d, JsonStream& json) {
  stream_gains(parties, d.gains, json.key("gains"));
  json.member("joint", d.joint).key("moves").begin_array();
  for (const DealMove& m : d.moves) {
    json.begin_object()
        .member("party", m.party)
        .member("position", m.position)
        .member("from", from_name(m));
    json.key("via").string_or_null(m.via);
    json.member("cost", m.cost).end_object();
  }
  json.end_array().key("lost").begin_array();
  for (const DealLoss& l : d.lost) json.value(l.position);
  json.end_array().key("losses").begin_array();
  for (const DealLoss& l : d.lost) {
    json.begin_object()
        .member("party", l.party)
        .member("position", l.position)
        .member("cost", l.cost)
        .member("red_line", l.red_line)
        .member("doubled", l.doubled)
        .member("superseded", l.superseded)
        .end_object();
  }
  json.end_array().key("gained").begin_array();
  for (const DealGain& g : d.gained) {
    json.begin_object()
        .member("party", g.party)
        .member("position", g.position)
        .member("gain", g.gain)
        .end_object();
  }
  json.end_array().key("conditions_met").begin_array();
  for (const MetCondition& c : d.conditions_met) {
    json.begin_object().member("party", c.party).member("position", c.position);
    json.key("agree_if").strings(c.agree_if).end_object();
  }
  json.end_array();
}

void stream_deal(const std::vector<std::string>& parties, const Deal& d, JsonStream& json) {
  json.begin_object().key("positions").strings(d.positions);
  stream_deal_members(parties, d, json);
  json.end_object();
}

void stream_deals(const std::vector<std::string>& parties, const std::vector<Deal>& deals,
                  JsonStream& json) {
  json.begin_array();
  for (const Deal& d : deals) stream_deal(parties, d, json);
  json.end_array();
}

}  // namespace

void write_deals_json(const DealsResult& r, std::ostream& out) {
  JsonStream json(out);
  json.begin_object().member("format", 1).member("schema_version", k_schema_version);
  json.key("deals").begin_object().key("parties").strings(r.parties);
  json.key("by").strings(r.by);
  json.member("binding", r.binding)
      .member("allow_red_lines", r.allow_red_lines)
      .member("top", r.top);
  stream_deals(r.parties, r.frontier, json.key("frontier"));
  json.member("complete", r.complete).key("solutions").begin_object();
  stream_deal(r.parties, r.nash, json.key("nash"));
  stream_deal(r.parties, r.leximin, json.key("leximin"));
  stream_deal(r.parties, r.utilitarian, json.key("utilitarian"));
  json.end_object().key("blocked").begin_array();
  for (const BlockedPosition& b : r.blocked) json.value(b.position);
  json.end_array().key("blocked_why").begin_array();
  for (const BlockedPosition& b : r.blocked) {
    json.begin_object().member("position", b.position).member("reason", to_string(b.reason));
    json.key("worst");
    if (b.worst) {
      json.value(*b.worst);
    } else {
      json.null();
    }
    json.end_object();
  }
  json.end_array();
  if (r.score) {
    const DealScore& s = *r.score;
    json.key("score").begin_object().key("positions").strings(s.deal.positions);
    json.member("feasible", s.feasible).key("why_not").strings(s.why_not);
    json.member("acceptable", s.acceptable);
    stream_deal_members(r.parties, s.deal, json);
    stream_deals(r.parties, s.dominated_by, json.key("dominated_by"));
    json.member("more_dominating", s.more_dominating).end_object();
  }
  json.end_object().end_object();
  json.finish();
}

}  // namespace entente::reports
