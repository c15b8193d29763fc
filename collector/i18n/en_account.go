package i18n

// enAccount is the forced password change's and the administrators'
// password reset's part of the English catalogue, merged into en at
// start-up.
var enAccount = map[string]string{
	"account.title":           "Choose your password",
	"account.must_change":     "Your password was given by an administrator: choose your own before going on.",
	"account.current":         "Password you were given",
	"account.not_same":        "It must differ from the one you were given.",
	"account.same_password":   "The new password must differ from the one you were given.",
	"account.logout":          "Log out",
	"account.reset":           "Reset password",
	"account.reset_done":      "Password of %s reset; they must choose a new one at their next login.",
	"account.reset_temp":      "One-time password, shown only now: give it to the person.",
	"account.reset_directory": "This account's password is checked by the directory (LDAP): it cannot be reset here.",
	"account.pending_change":  "must change password",
}

func init() {
	for k, v := range enAccount {
		en[k] = v
	}
}
