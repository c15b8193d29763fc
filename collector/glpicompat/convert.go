package glpicompat

import (
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/pkg/inventory"
)

// renamed are XML sections whose JSON key differs.
var renamed = map[string]string{"firewall": "firewalls"}

// dateFields are converted from the agents' local formats to YYYY-MM-DD;
// the value says which day/month order the XML uses.
var dateFields = map[string]string{
	"install_date":  "dmy", // SOFTWARES/INSTALLDATE, "26/10/2016"
	"bdate":         "mdy", // BIOS/BDATE from dmidecode, "02/06/2016"
	"date":          "dmy", // BATTERIES/DATE, FIRMWARES/DATE
	"expiration":    "dmy",
	"base_creation": "dmy",
}

// xmlToJSONKey maps an XML element name to the JSON key of the native
// format: lower case, with the few renames.
func xmlToJSONKey(name string) string {
	k := strings.ToLower(name)
	switch k {
	case "installdate":
		return "install_date"
	}
	if r, ok := renamed[k]; ok {
		return r
	}
	return k
}

// convertContent fills a native report from an XML <CONTENT>: each
// section and field goes to the Content field with the same (lower-case)
// JSON name; unknown ones are dropped, as GLPI's own converter does.
func convertContent(content *node, rep *inventory.Report) {
	v := reflect.ValueOf(&rep.Content).Elem()
	for _, sec := range content.children {
		key := xmlToJSONKey(sec.name)
		if key == "versionclient" {
			rep.Content.VersionClient = strings.TrimSpace(sec.text)
			continue
		}
		f, ok := fieldByJSON(v, key)
		if !ok {
			continue
		}
		setValue(f, sec, key)
	}
}

// fieldByJSON finds the struct field of v whose JSON name is key, or key's
// plural ("member" -> "members").
func fieldByJSON(v reflect.Value, key string) (reflect.Value, bool) {
	t := v.Type()
	for _, k := range []string{key, key + "s"} {
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name == k {
				return v.Field(i), true
			}
		}
	}
	return reflect.Value{}, false
}

// setValue stores an element into f according to f's type; values that
// do not fit (a non-numeric memory size) are left out.
func setValue(f reflect.Value, n *node, key string) {
	text := strings.TrimSpace(n.text)
	switch f.Kind() {
	case reflect.String:
		if layout, ok := dateFields[key]; ok {
			text = normDate(text, layout)
		}
		f.SetString(text)
	case reflect.Int64:
		if i, err := strconv.ParseInt(text, 10, 64); err == nil {
			f.SetInt(i)
		} else if fl, err := strconv.ParseFloat(text, 64); err == nil {
			f.SetInt(int64(fl))
		}
	case reflect.Pointer:
		switch f.Type().Elem().Kind() {
		case reflect.Bool:
			b := text == "1" || strings.EqualFold(text, "true") || strings.EqualFold(text, "yes")
			f.Set(reflect.ValueOf(&b))
		case reflect.Struct:
			if f.IsNil() {
				f.Set(reflect.New(f.Type().Elem()))
			}
			setStruct(f.Elem(), n)
		}
	case reflect.Slice:
		switch f.Type().Elem().Kind() {
		case reflect.Struct:
			item := reflect.New(f.Type().Elem()).Elem()
			setStruct(item, n)
			f.Set(reflect.Append(f, item))
		case reflect.String:
			f.Set(reflect.Append(f, reflect.ValueOf(text)))
		case reflect.Int64:
			if i, err := strconv.ParseInt(text, 10, 64); err == nil {
				f.Set(reflect.Append(f, reflect.ValueOf(i)))
			}
		}
	case reflect.Struct:
		setStruct(f, n)
	}
}

func setStruct(v reflect.Value, n *node) {
	for _, c := range n.children {
		key := xmlToJSONKey(c.name)
		if f, ok := fieldByJSON(v, key); ok {
			setValue(f, c, key)
		}
	}
}

// normDate rewrites "26/10/2016" (dmy) or "02/06/2016" (mdy) as
// "2016-10-26"; a value already in ISO form is kept; anything else is
// dropped rather than failing the whole report.
func normDate(s, order string) string {
	if s == "" {
		return ""
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if _, err := time.Parse(layout, s); err == nil {
			return s
		}
	}
	layouts := []string{"02/01/2006", "2/1/2006", "02/01/06", "20060102"}
	if order == "mdy" {
		layouts = []string{"01/02/2006", "1/2/2006", "01/02/06", "20060102"}
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// convertXMLInventory turns an INVENTORY request into a native report.
func convertXMLInventory(req *xmlRequest) *inventory.Report {
	rep := &inventory.Report{Action: inventory.ActionInventory, DeviceID: req.DeviceID, ItemType: "Computer"}
	if req.Content != nil {
		convertContent(req.Content, rep)
	}
	lowerEnums(&rep.Content)
	return rep
}

// lowerEnums fixes values the XML sends capitalised ("Up") where the
// native format wants lower case.
func lowerEnums(c *inventory.Content) {
	for i := range c.Networks {
		c.Networks[i].Status = strings.ToLower(c.Networks[i].Status)
		c.Networks[i].Type = strings.ToLower(c.Networks[i].Type)
	}
	for i := range c.VirtualMachines {
		c.VirtualMachines[i].Status = strings.ToLower(c.VirtualMachines[i].Status)
	}
}
