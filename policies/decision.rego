# METADATA
# title: Exemption decisions
# description: |
#   Which exemption applies to each assessment, and the status of each exemption at a time.
#
#   Input (built by engine/evaluate, see policies/README.md):
#     at_ms        the evaluation time, milliseconds since the Unix epoch (UTC)
#     exemptions   [{name, recommendations: [key], scopes: [scope key | "global"], category,
#                    justification, expires_ms: number | null, status: "active" | "canceled",
#                    assessment_types: {key: assessmentType} (optional, from the metadata)}]
#     assessments  [{id, key, chain: [scope key, …]}]  chain = the assessed resource itself, its
#                  parent resources, resource group, subscription, then management groups nearest
#                  first. Keys and scopes are lower-cased (Azure IDs are case-insensitive); the
#                  engine may leave out chain entries no exemption names, keeping the order.
#   Output: result = {decisions: {id: decision}, exemption_status: {name: status}}
#
#   Rules (DESIGN.md section 1):
#     - canceled: status canceled in the file; expired: at >= expiresOn (in effect strictly before)
#     - suspended: while a global exemption is in effect on a recommendation, every narrower
#       exemption is suspended for that recommendation, whatever its age
#     - the exemption reported for an assessment: a global one, else the most specific scope
#       (earliest in the chain), ties broken by name; suspended, expired and canceled cover nothing
#     - only built-in recommendations can be exempted: a recommendation the metadata gives another
#       assessmentType (CustomPolicy, CustomerManaged…) is covered by no exemption (validation
#       denies the file too); one the metadata does not know is taken as built in
package exemptions.decision

import rego.v1

# METADATA
# description: Exemptions canceled in their file (kept as records, cover nothing).
canceled contains e.name if {
	some e in input.exemptions
	e.status == "canceled"
}

# METADATA
# description: Exemptions whose expiry is at or before the evaluation time.
expired contains e.name if {
	some e in input.exemptions
	not canceled[e.name]
	is_number(e.expires_ms)
	input.at_ms >= e.expires_ms
}

# METADATA
# description: Exemptions neither canceled nor expired at the evaluation time.
timely contains e.name if {
	some e in input.exemptions
	not canceled[e.name]
	not expired[e.name]
}

is_global(e) if "global" in e.scopes

# METADATA
# description: Recommendations on which some global exemption is in effect, with those exemptions.
global_in_effect[key] := names if {
	some g in input.exemptions
	timely[g.name]
	is_global(g)
	some key in g.recommendations
	names := sort([x.name |
		some x in input.exemptions
		timely[x.name]
		is_global(x)
		key in x.recommendations
	])
}

# METADATA
# description: For each narrower exemption, the recommendations it is suspended on.
suspended_keys[e.name] := keys if {
	some e in input.exemptions
	timely[e.name]
	not is_global(e)
	keys := sort([k | some k in e.recommendations; global_in_effect[k]])
	count(keys) > 0
}

# Suspended on every recommendation it names: the exemption as a whole is suspended.
fully_suspended(e) if count(suspended_keys[e.name]) == count(e.recommendations)

status_of(e) := "canceled" if canceled[e.name]

status_of(e) := "expired" if expired[e.name]

status_of(e) := "suspended" if {
	timely[e.name]
	fully_suspended(e)
}

status_of(e) := "in_effect" if {
	timely[e.name]
	not fully_suspended(e)
}

# METADATA
# description: Status of every exemption; suspended_on lists recommendations it is suspended on.
exemption_status[e.name] := s if {
	some e in input.exemptions
	on := sort([k | some k in e.recommendations; suspended_on(e, k)])
	s := {
		"status": status_of(e),
		"suspended_on": on,
		"suspended_by": sort({g | some k in on; some g in global_in_effect[k]}),
	}
}

# An exemption covers a recommendation when it is timely, names it, is not suspended on it, and
# the recommendation may be exempted at all.
covers(e, key) if {
	timely[e.name]
	key in e.recommendations
	not suspended_on(e, key)
	not not_exemptable(e, key)
}

# The metadata says the recommendation is not built in (Azure refuses to exempt it).
not_exemptable(e, key) if {
	t := e.assessment_types[key]
	t != "BuiltIn"
}

suspended_on(e, key) if key in suspended_keys[e.name]

# Precedence rank of a scope for an assessment: global first (-1), then the position in the
# chain (0 = the resource itself, larger = broader). A scope not in the chain has no rank.
rank(_, scope) := -1 if scope == "global"

rank(a, scope) := i if {
	scope != "global"
	some i, s in a.chain
	s == scope
}

# METADATA
# description: For each assessment, candidate [rank, exemption name, scope] triples.
candidates(a) := {[r, e.name, scope] |
	some i in exemptions_by_key[a.key]
	e := input.exemptions[i]
	covers(e, a.key)
	some scope in e.scopes
	r := rank(a, scope)
}

# Positions of the exemptions naming each recommendation (an index: candidates looks up one key).
exemptions_by_key[key] contains i if {
	some i, e in input.exemptions
	some key in e.recommendations
}

# METADATA
# description: The applying exemption for each assessment that some exemption covers.
decisions[a.id] := d if {
	some a in input.assessments
	ordered := sort(candidates(a))
	count(ordered) > 0
	best := ordered[0]
	d := {
		"exemption": best[1],
		"scope": best[2],
		"rank": best[0],
		"status": "NotApplicable",
		"cause": "Exempt",
		"reason": sprintf("exempted by %s at %s", [best[1], best[2]]),
		"others": sort({c[1] | some c in ordered; c[1] != best[1]}),
	}
}

# METADATA
# entrypoint: true
# description: The whole answer, for one batch of assessments.
result := r if {
	r := {"decisions": decisions, "exemption_status": exemption_status}
}
