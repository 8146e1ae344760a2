# METADATA
# title: Approval rules
# description: |
#   Which reviewer groups must approve a change to the exemption files. Groups and thresholds come
#   from data.config.approval (policies/config.example.yaml).
#
#   Input: {at_ms, changes: [{kind: "added" | "modified" | "removed", name,
#           before: exemption | null, after: exemption | null}]}
#   with exemptions shaped as in the validation policy (scopes carry their level).
#   Output: result = {required: [{group, name, reason}], groups: [group]}, sorted.
package exemptions.approval

import rego.v1

day_ms := 86400000

default approval := {}

approval := data.config.approval

groups_for(field, fallback) := g if {
	g := approval[field]
} else := fallback

long_waiver_days := d if {
	d := approval.long_waiver_days
} else := 90

# Both sides of a change: a removal or a narrowing of a broad exemption needs the same people as
# creating it (for example, only a global administrator may cancel a global exception).
sides(c) := [s | some s in [c.before, c.after]; s != null]

levels(c) := {sc.level | some s in sides(c); some sc in s.scopes}

requirement(group, c, reason) := {"group": group, "name": c.name, "reason": reason}

# METADATA
# description: Every change needs the default reviewers.
required contains r if {
	some c in input.changes
	some g in groups_for("default_groups", ["security-reviewers"])
	r := requirement(g, c, sprintf("%s exemption", [c.kind]))
}

# METADATA
# description: Global scope needs the global group (and the broad-scope group).
required contains r if {
	some c in input.changes
	"global" in levels(c)
	some g in groups_for("global_groups", ["security-leads"])
	r := requirement(g, c, "global scope")
}

# METADATA
# description: Management group or global scope needs the broad-scope group.
required contains r if {
	some c in input.changes
	some level in levels(c)
	level in {"managementGroup", "global"}
	some g in groups_for("broad_scope_groups", ["security-leads"])
	r := requirement(g, c, "management group or global scope")
}

# METADATA
# description: A waiver lasting longer than long_waiver_days, or without expiry, needs the risk owner.
required contains r if {
	some c in input.changes
	c.after != null
	c.after.category == "waiver"
	c.after.status != "canceled"
	too_long(c.after)
	some g in groups_for("long_waiver_groups", ["risk-owners"])
	r := requirement(g, c, sprintf("waiver longer than %d days", [long_waiver_days]))
}

too_long(e) if not is_number(e.expires_ms)

too_long(e) if {
	is_number(e.expires_ms)
	e.expires_ms - input.at_ms > long_waiver_days * day_ms
}

# METADATA
# entrypoint: true
# description: Required approvals, and the distinct groups.
result := r if {
	r := {"required": sort(required), "groups": sort({q.group | some q in required})}
}
