# METADATA
# title: Exemption validation rules
# description: |
#   The organisation's rules for exemption files (DESIGN.md section 3), beyond the JSON Schema.
#   Limits come from data.config (policies/config.example.yaml), not from this file.
#
#   Input (built by engine/evaluate, see policies/README.md):
#     at_ms       the evaluation time, milliseconds since the Unix epoch (UTC)
#     exemptions  [{name, file, recommendations: [key], scopes: [{key, level, ancestors: [key],
#                   subscription: id | null, management_group: name | null}], category,
#                   justification, expires_ms: number | null, status}]
#                 ancestors = the scope's own chain above it (parents, group, subscription,
#                 management groups nearest first), as far as the tree file tells
#     metadata    {key: {assessment_type, display_name}} or null when no metadata was given
#     tree        {subscriptions: {id: true}, management_groups: {name: true}} or null
#   Output: result = {deny: [{name, file, field, message}], warn: [...]}, each sorted
package exemptions.validation

import rego.v1

day_ms := 86400000

# Justifications and the category each belongs to (DESIGN.md section 2).
justification_category := {
	"third_party_control": "mitigated",
	"alternate_mitigation": "mitigated",
	"false_positive": "mitigated",
	"risk_accepted": "waiver",
	"planned_remediation": "waiver",
	"business_need": "waiver",
}

default config := {}

config := data.config

# Per-category limits, with the defaults a security team would expect when the config is silent.
limit(category, field) := v if {
	v := config.categories[category][field]
} else := v if {
	v := {"waiver": {"require_expiry": true, "max_days": 365}, "mitigated": {"require_expiry": false, "max_days": 0}}[category][field]
}

overlap_severity := s if {
	s := config.overlap
} else := "deny"

# Expired and canceled files are kept as records: the rules about today's tree and metadata (a
# subscription deleted since, a recommendation no longer built in) apply only to files in effect,
# so a record never turns into an error. Rules about the file itself (justification and category)
# hold for every file.
active(e) if {
	e.status != "canceled"
	not expired(e)
}

expired(e) if {
	is_number(e.expires_ms)
	input.at_ms >= e.expires_ms
}

finding(e, field, message) := {"name": e.name, "file": e.file, "field": field, "message": message}

# METADATA
# description: A category that requires an expiry (waivers, by default) has none.
deny_set contains f if {
	some e in input.exemptions
	e.status != "canceled"
	limit(e.category, "require_expiry") == true
	not is_number(e.expires_ms)
	f := finding(e, "expiresOn", sprintf("a %s needs an expiry (expiresOn)", [e.category]))
}

# METADATA
# description: Expiry further away than the category allows (max_days 0 means no limit).
deny_set contains f if {
	some e in input.exemptions
	active(e)
	is_number(e.expires_ms)
	max_days := limit(e.category, "max_days")
	max_days > 0
	days := ceil((e.expires_ms - input.at_ms) / day_ms)
	days > max_days
	f := finding(e, "expiresOn", sprintf("a %s may last at most %d days from now; this one lasts %d", [e.category, max_days, days]))
}

# METADATA
# description: Justification and category must agree.
deny_set contains f if {
	some e in input.exemptions
	want := justification_category[e.justification]
	want != e.category
	f := finding(e, "justification", sprintf("justification %s belongs to category %s, not %s", [e.justification, want, e.category]))
}

# METADATA
# description: Only built-in recommendations can be exempted (files in effect, see active).
deny_set contains f if {
	input.metadata != null
	some e in input.exemptions
	active(e)
	some key in e.recommendations
	m := input.metadata[key]
	m.assessment_type != "BuiltIn"
	f := finding(e, "recommendations", sprintf("recommendation %s is %s, not BuiltIn: only built-in recommendations can be exempted", [key, m.assessment_type]))
}

warn_set contains f if {
	input.metadata != null
	some e in input.exemptions
	active(e)
	some key in e.recommendations
	not input.metadata[key]
	f := finding(e, "recommendations", sprintf("recommendation %s is not in the assessment metadata", [key]))
}

# Positions of the exemptions of each name.
indexes_by_name[e.name] contains i if {
	some i, e in input.exemptions
}

# METADATA
# description: Names must be unique across the repository.
deny_set contains f if {
	some name, idx in indexes_by_name
	count(idx) > 1
	some i in idx
	e := input.exemptions[i]
	f := finding(e, "name", sprintf("name %s is used by %d files", [name, count(idx)]))
}

# METADATA
# description: Scopes of files in effect must lie in the known management group tree (when a tree is given).
deny_set contains f if {
	input.tree != null
	some e in input.exemptions
	active(e)
	some s in e.scopes
	s.level == "managementGroup"
	not input.tree.management_groups[s.management_group]
	f := finding(e, "scopes", sprintf("management group %s is not in the tree", [s.management_group]))
}

deny_set contains f if {
	input.tree != null
	some e in input.exemptions
	active(e)
	some s in e.scopes
	s.level in {"subscription", "resourceGroup", "resource"}
	not input.tree.subscriptions[s.subscription]
	f := finding(e, "scopes", sprintf("subscription %s of scope %s is not in the tree", [s.subscription, s.key]))
}

# Positions of the active exemptions by recommendation and scope ("key scope"): each exemption
# looks up its own scope and that scope's ancestors, so overlaps are found without forming every
# pair of exemptions on a recommendation.
active_at[concat(" ", [key, s.key])] contains i if {
	some i, e in input.exemptions
	active(e)
	some key in e.recommendations
	some s in e.scopes
	s.key != "global"
}

# Pairs (by position) of active exemptions on the same recommendation, with scope keys a and b.
same_key_pairs contains [i, j, key, a.key, a.key, "same"] if {
	some i, e in input.exemptions
	active(e)
	some key in e.recommendations
	some a in e.scopes
	a.key != "global"
	some j in active_at[concat(" ", [key, a.key])]
	i != j
	e.name != input.exemptions[j].name
}

same_key_pairs contains [i, j, key, a.key, b, "inside"] if {
	some i, e in input.exemptions
	active(e)
	some key in e.recommendations
	some a in e.scopes
	a.key != "global"
	some b in a.ancestors
	some j in active_at[concat(" ", [key, b])]
	i != j
	e.name != input.exemptions[j].name
}

# METADATA
# description: Two active exemptions on the same recommendation and scope.
deny_set contains f if {
	some p in same_key_pairs
	p[5] == "same"
	e := input.exemptions[p[0]]
	f := finding(e, "scopes", sprintf("recommendation %s at scope %s is also exempted by %s", [p[2], p[3], input.exemptions[p[1]].name]))
}

overlap_findings contains f if {
	some p in same_key_pairs
	p[5] == "inside"
	e := input.exemptions[p[0]]
	f := finding(e, "scopes", sprintf("scope %s lies inside scope %s of %s for recommendation %s", [p[3], p[4], input.exemptions[p[1]].name, p[2]]))
}

deny_set contains f if {
	overlap_severity == "deny"
	some f in overlap_findings
}

warn_set contains f if {
	overlap_severity != "deny"
	some f in overlap_findings
}

# METADATA
# entrypoint: true
# description: Deny and warn findings, sorted.
result := r if {
	r := {"deny": sort(deny_set), "warn": sort(warn_set)}
}
