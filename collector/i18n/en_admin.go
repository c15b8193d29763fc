package i18n

// enAdmin is the administration's part of the English catalogue, merged
// into en at start-up.
var enAdmin = map[string]string{
	"admin.title":                 "Administration",
	"admin.saved":                 "Saved.",
	"admin.helpdesk_settings":     "Helpdesk settings",
	"admin.autoclose_days":        "Close solved tickets after (days)",
	"admin.autoclose_help":        "A solved ticket whose requester neither approves nor refuses the solution closes after this many days. 0: never.",
	"admin.max_upload_mb":         "Largest attachment (MiB)",
	"admin.max_upload_help":       "From 1 to %d MiB.",
	"admin.bad_autoclose":         "The delay must be a whole number of days from 0 (never) to %d.",
	"admin.bad_upload":            "The attachment limit must be a whole number of MiB from 1 to %d.",
	"admin.matrix":                "Priority matrix",
	"admin.matrix_default":        "default",
	"admin.matrix_help":           "The priority of a ticket from its urgency (rows) and impact (columns). New tickets and edits use it; existing tickets keep their priority.",
	"admin.matrix_reset":          "Reset to the default matrix",
	"admin.bad_matrix":            "Every cell of the matrix needs a priority from 1 to %d.",
	"admin.groups":                "Groups",
	"admin.new_group":             "New group",
	"admin.name":                  "Name",
	"admin.comment":               "Comment",
	"admin.assignable":            "Can be assigned tickets",
	"admin.members":               "Members",
	"admin.add_member":            "Add a member",
	"admin.remove_member":         "Remove",
	"admin.member_exists":         "That person is already a member of the group.",
	"admin.group_exists":          "A group with this name already exists.",
	"admin.bad_name":              "Give a name of at most %d characters.",
	"admin.delete":                "Delete",
	"admin.categories":            "Categories",
	"admin.new_category":          "New category",
	"admin.default_group":         "Default group",
	"admin.active":                "Active",
	"admin.bad_category_name":     "Give a name of at most %d characters, without \">\".",
	"admin.category_cycle":        "A category cannot be placed inside itself or one of its subcategories.",
	"admin.category_has_children": "This category has subcategories: delete or move them first.",
	"admin.users":                 "Users",
	"admin.login":                 "Login",
	"admin.email":                 "Email",
	"admin.role":                  "Role",
	"admin.location":              "Location",
	"admin.disabled":              "Disabled",
	"admin.password":              "Temporary password",
	"admin.password_blank":        "leave empty to generate one",
	"admin.create_user":           "Create the account",
	"admin.user_created":          "Account %s created.",
	"admin.temp_password":         "Temporary password, shown only now: give it to the person, who changes it on their profile page.",
	"admin.user_exists":           "An account with this login already exists.",
	"admin.bad_login":             "A login is 1 to 64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.",
	"admin.bad_role":              "Choose one of the roles.",
	"admin.bad_password":          "A password needs at least %d characters.",
	"admin.self_demote":           "You cannot disable your own account or take away your own administrator role.",
	"admin.users_hidden":          "%d more accounts match: search by login or name to find them.",
	"admin.no_such_login":         "No account has this login.",
}

func init() {
	for k, v := range enAdmin {
		en[k] = v
	}
}
