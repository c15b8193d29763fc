package i18n

// enLicences is the English of the licence form's software search, merged
// into en at start-up.
var enLicences = map[string]string{
	"licence.software_search": "Find a software by name or publisher",
	"licence.software_find":   "Find",
	"licence.software_count":  "%d software to choose from.",
	"licence.software_more":   "The first %d of %d software: search to narrow the choice.",
}

func init() {
	for k, v := range enLicences {
		en[k] = v
	}
}
