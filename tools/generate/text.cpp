#include "generate/text.h"

#include <array>
#include <string_view>

namespace entente::generate {
namespace {

using Words = std::span<const std::string_view>;

constexpr std::array<std::string_view, 16> k_regions = {
    "Northern", "Southern", "Eastern", "Western", "Coastal", "Central", "Upper",  "Lower",
    "Alpine",   "Delta",    "Island",  "Border",  "Valley",  "Harbour", "Forest", "Plains"};
constexpr std::array<std::string_view, 16> k_sectors = {
    "Fisheries", "Farmers", "Shipping", "Energy",  "Rail",      "Water",   "Mining", "Textile",
    "Teachers",  "Dockers", "Nurses",   "Traders", "Transport", "Housing", "Steel",  "Tourism"};
constexpr std::array<std::string_view, 10> k_bodies = {
    "Council", "Union", "Association", "Ministry", "League",
    "Board",   "Guild", "Federation",  "Alliance", "Authority"};
constexpr std::array<std::string_view, 16> k_topics = {
    "Inspection",   "Pricing",     "Licensing", "Funding",   "Monitoring", "Taxation",
    "Transparency", "Maintenance", "Staffing",  "Insurance", "Reporting",  "Training",
    "Access",       "Ownership",   "Safety",    "Quotas"};
constexpr std::array<std::string_view, 20> k_subjects = {
    "The government",     "Each member",         "The secretariat", "The union",
    "The landlord",       "The board",           "Both sides",      "The regulator",
    "The ministry",       "Every signatory",     "The operator",    "The council",
    "The federation",     "The joint committee", "The buyer",       "The supplier",
    "The port authority", "The inspectorate",    "All parties",     "The treasury"};
constexpr std::array<std::string_view, 20> k_verbs = {
    "guarantees", "reduces",    "publishes",   "funds",   "freezes",    "reviews", "caps",
    "extends",    "suspends",   "shares",      "doubles", "phases out", "audits",  "restores",
    "limits",     "negotiates", "underwrites", "opens",   "withdraws",  "monitors"};
constexpr std::array<std::string_view, 30> k_objects = {"tariffs on imported steel",
                                                        "the inspection regime for fishing fleets",
                                                        "pension contributions",
                                                        "the annual catch quota",
                                                        "emergency repair funds",
                                                        "access to the northern harbour",
                                                        "the training budget",
                                                        "night shift allowances",
                                                        "subsidies for rural bus lines",
                                                        "the waiting list for social housing",
                                                        "data on water quality",
                                                        "the fee for export licences",
                                                        "the number of temporary contracts",
                                                        "staffing levels in public clinics",
                                                        "the tax on aviation fuel",
                                                        "the schedule of border checks",
                                                        "maintenance of the rail bridges",
                                                        "the price of electricity for industry",
                                                        "the reserve of grain",
                                                        "the joint monitoring mission",
                                                        "compensation for flooded farms",
                                                        "the cap on rent increases",
                                                        "the deposit for new tenants",
                                                        "the list of protected species",
                                                        "overtime rules for dockers",
                                                        "the quota for seasonal workers",
                                                        "funding for the arbitration panel",
                                                        "the moratorium on new mines",
                                                        "reporting duties for lenders",
                                                        "the share of local suppliers"};
constexpr std::array<std::string_view, 20> k_qualifiers = {"within 30 days",
                                                           "by at least 5 percent",
                                                           "before the next round of talks",
                                                           "for the next three years",
                                                           "under independent supervision",
                                                           "as soon as the agreement is signed",
                                                           "in every region alike",
                                                           "with a review after twelve months",
                                                           "only for members in good standing",
                                                           "from the first of January",
                                                           "on the terms of the 2019 accord",
                                                           "subject to a yearly audit",
                                                           "until the dispute panel has ruled",
                                                           "with no exceptions for small firms",
                                                           "in two equal instalments",
                                                           "at the level of the previous year",
                                                           "for all new contracts",
                                                           "once the budget is approved",
                                                           "in consultation with local councils",
                                                           "without further conditions"};
constexpr std::array<std::string_view, 12> k_reasons = {
    "Anything less would not survive the next election.",
    "The figures were confirmed by both delegations.",
    "Costs have risen sharply since the last agreement.",
    "The same wording appears in the draft of March.",
    "Negotiators signalled flexibility in private.",
    "This replaces an older and wider demand.",
    "Read from the minutes of the second round.",
    "The delegation repeated it at the press conference.",
    "Observers expect a compromise close to this.",
    "It mirrors a clause of the previous treaty.",
    "Stated in a letter to the mediator.",
    "Members voted for it by a large majority."};
constexpr std::array<std::string_view, 8> k_documents = {
    "Letter to the mediator", "Minutes of the plenary", "Press statement", "Draft agreement",
    "Position paper",         "Reply to the proposal",  "Briefing note",   "Joint communique"};
constexpr std::array<std::string_view, 6> k_rounds = {"first round",    "second round",
                                                      "spring session", "autumn session",
                                                      "final round",    "technical talks"};

std::string sentence(Random& random) {
  std::string s(random.pick(Words(k_subjects)));
  s += ' ';
  s += random.pick(Words(k_verbs));
  s += ' ';
  s += random.pick(Words(k_objects));
  if (random.chance(0.6)) {
    s += ' ';
    s += random.pick(Words(k_qualifiers));
  }
  s += '.';
  return s;
}

}  // namespace

std::string party_name(Random& random) {
  std::string name(random.pick(Words(k_regions)));
  name += ' ';
  name += random.pick(Words(k_sectors));
  name += ' ';
  name += random.pick(Words(k_bodies));
  return name;
}

std::string issue_title(Random& random) {
  std::string title(random.pick(Words(k_topics)));
  title += " of ";
  title += random.pick(Words(k_objects));
  return title;
}

std::string position_text(Random& random) {
  std::string text = sentence(random);
  if (random.chance(0.1)) {
    text += ' ';
    text += sentence(random);
  }
  return text;
}

std::string note_text(Random& random) { return std::string(random.pick(Words(k_reasons))); }

std::string source_title(Random& random) {
  std::string title(random.pick(Words(k_documents)));
  title += ", ";
  title += random.pick(Words(k_rounds));
  return title;
}

std::string quote_of(std::string_view text, Random& random) {
  // From a word boundary, three to six words.
  std::size_t start = 0;
  const std::size_t words_before = random.below(std::uint64_t{3});
  for (std::size_t i = 0; i < words_before; ++i) {
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  std::size_t end = start;
  const std::size_t length = 3 + random.below(std::uint64_t{4});
  for (std::size_t i = 0; i < length && end != std::string_view::npos; ++i) {
    end = text.find(' ', end + 1);
  }
  std::string quote(text.substr(start, end == std::string_view::npos ? text.npos : end - start));
  while (!quote.empty() && (quote.back() == '.' || quote.back() == ',')) quote.pop_back();
  return quote;
}

}  // namespace entente::generate
