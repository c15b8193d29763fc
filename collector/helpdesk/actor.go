package helpdesk

// Role is a user's role, from the least to the most powerful. The names
// are the collector's role names (store.Roles).
type Role int

// The roles. A self-service user opens and follows their own tickets; an
// observer also reads the park and follows, read-only but for approving,
// the tickets they or their groups request or observe and those they are
// asked to approve; technicians work tickets;
// supervisors also dispatch them; administrators do everything.
const (
	RoleNone Role = iota
	RoleSelfService
	RoleObserver
	RoleTechnician
	RoleSupervisor
	RoleAdmin
)

var roleNames = map[string]Role{
	"self-service": RoleSelfService, "observer": RoleObserver, "technician": RoleTechnician,
	"supervisor": RoleSupervisor, "admin": RoleAdmin,
}

// ParseRole maps a collector role name to a Role; RoleNone when unknown
// (such a user may do nothing).
func ParseRole(name string) Role { return roleNames[name] }

// Staff reports whether the role works tickets (technician or more).
func (r Role) Staff() bool { return r >= RoleTechnician }

// Relation says how a user is tied to one ticket. A user can be several
// of these at once; membership of a group that is an actor counts like
// being that actor (GLPI's "my groups' tickets").
type Relation uint8

// The relations of a user to a ticket.
const (
	RelRequester Relation = 1 << iota
	RelObserver
	RelAssignee
	// RelApprover: the user was asked to approve the ticket (a ticket
	// approval, not the requester's approval of a solution).
	RelApprover
)

// Has reports whether r includes every relation of x.
func (r Relation) Has(x Relation) bool { return r&x == x && x != 0 }

// Actor is a user acting on one ticket.
type Actor struct {
	Role Role
	Rel  Relation
}
