package snmp

// Device types, as network_device.type of the GLPI inventory format.
const (
	TypeNetworking = "Networking"
	TypePrinter    = "Printer"
	TypeStorage    = "Storage"
	TypePower      = "Power"
	TypePhone      = "Phone"
	TypeComputer   = "Computer"
	TypeVideo      = "Video"
	TypeKVM        = "KVM"
	TypeUnmanaged  = "Unmanaged"
)

// Kind is Parc's finer classification of a device, on top of the GLPI type.
type Kind string

// Kinds of devices.
const (
	KindPrinter Kind = "printer"
	KindSwitch  Kind = "switch"
	KindRouter  Kind = "router"
	KindAP      Kind = "wireless_ap"
	KindUPS     Kind = "ups"
	KindStorage Kind = "storage"
	KindPhone   Kind = "phone"
	KindOther   Kind = "other"
)

// ItemType returns the report's itemtype for a device type: the inventory
// schema knows only Unmanaged, Computer, Phone, NetworkEquipment and
// Printer, so UPS and storage bays travel as NetworkEquipment with their
// own network_device.type, as GLPI imports them.
func ItemType(deviceType string) string {
	switch deviceType {
	case TypePrinter:
		return "Printer"
	case TypePhone:
		return "Phone"
	case TypeComputer:
		return "Computer"
	case TypeNetworking, TypeStorage, TypePower, TypeVideo, TypeKVM:
		return "NetworkEquipment"
	}
	return "Unmanaged"
}
