package forms

import (
	"fmt"
	"strings"
)

// maxChoicesText bounds the builder's choices field.
const maxChoicesText = 20000

// ParseChoices reads the builder's choices field: one choice per line,
// "value | French label | English label". With one part, it is the value
// and both labels; with two, the French and English labels, the value
// being the English one. Blank lines are skipped; a "|" cannot be part of
// a value or label.
func ParseChoices(text string) ([]Choice, error) {
	if len(text) > maxChoicesText {
		return nil, fmt.Errorf("choices: longer than %d bytes", maxChoicesText)
	}
	var out []Choice
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.Split(line, "|")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		var c Choice
		switch len(parts) {
		case 1:
			c = Choice{Value: parts[0], Label: Text{FR: parts[0], EN: parts[0]}}
		case 2:
			c = Choice{Value: parts[1], Label: Text{FR: parts[0], EN: parts[1]}}
		case 3:
			c = Choice{Value: parts[0], Label: Text{FR: parts[1], EN: parts[2]}}
		default:
			return nil, fmt.Errorf("choices: line %d has %d parts; want at most 3 (value | French | English)", i+1, len(parts))
		}
		if c.Value == "" {
			return nil, fmt.Errorf("choices: line %d has no value", i+1)
		}
		if c.Label.FR == "" {
			c.Label.FR = c.Label.EN
		}
		if c.Label.EN == "" {
			c.Label.EN = c.Label.FR
		}
		out = append(out, c)
	}
	return out, nil
}

// FormatChoices writes choices back as the builder's field (three parts
// per line), so that ParseChoices gives them back.
func FormatChoices(cs []Choice) string {
	lines := make([]string, len(cs))
	for i, c := range cs {
		lines[i] = c.Value + " | " + c.Label.FR + " | " + c.Label.EN
	}
	return strings.Join(lines, "\n")
}
