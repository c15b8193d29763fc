package inventory

// CPU is one physical processor (socket).
type CPU struct {
	Arch          string `json:"arch,omitempty"`           // e.g. "x86_64", "aarch64"
	Core          int64  `json:"core,omitempty"`           // enabled cores
	CoreCount     int64  `json:"corecount,omitempty"`      // total cores
	Description   string `json:"description,omitempty"`    // e.g. "Intel64 Family 6 Model 140 Stepping 1"
	ExternalClock int64  `json:"external_clock,omitempty"` // bus clock in MHz, e.g. 100
	FamilyName    string `json:"familyname,omitempty"`     // e.g. "Core i5"
	FamilyNumber  string `json:"familynumber,omitempty"`   // e.g. "6"
	ID            string `json:"id,omitempty"`             // CPUID bytes, e.g. "C1 06 08 00 FF FB EB BF"
	Manufacturer  string `json:"manufacturer,omitempty"`   // "Intel", "AMD", "ARM"
	Model         string `json:"model,omitempty"`          // e.g. "140"
	Name          string `json:"name,omitempty"`           // e.g. "11th Gen Intel(R) Core(TM) i5-1135G7 @ 2.40GHz"
	Serial        string `json:"serial,omitempty"`
	Speed         int64  `json:"speed,omitempty"`    // nominal frequency in MHz, e.g. 2400
	Stepping      int64  `json:"stepping,omitempty"` // e.g. 1
	Thread        int64  `json:"thread,omitempty"`   // threads per core
	Cache         string `json:"cache,omitempty"`
}

// Memory is one memory module (SMBIOS type 17) or slot.
type Memory struct {
	Capacity         int64  `json:"capacity,omitempty"`         // MiB, e.g. 8192; 0 for an empty slot
	Caption          string `json:"caption,omitempty"`          // slot, e.g. "DIMM A1", "ChannelA-DIMM0"
	Description      string `json:"description,omitempty"`      // form factor, e.g. "SODIMM"
	Manufacturer     string `json:"manufacturer,omitempty"`     // e.g. "Samsung"
	MemoryCorrection string `json:"memorycorrection,omitempty"` // e.g. "None", "Single-bit ECC"
	NumSlots         int64  `json:"numslots,omitempty"`         // 1-based slot number
	SerialNumber     string `json:"serialnumber,omitempty"`     // e.g. "23853943"
	Model            string `json:"model,omitempty"`            // part number, e.g. "M471A1K43DB1-CWE"
	Speed            string `json:"speed,omitempty"`            // e.g. "3200 MT/s"
	Type             string `json:"type,omitempty"`             // e.g. "DDR4"
	FormFactor       string `json:"formfactor,omitempty"`
	Purpose          string `json:"purpose,omitempty"`
	Removable        *bool  `json:"removable,omitempty"`
}

// Storage is one physical disk.
type Storage struct {
	Description  string `json:"description,omitempty"`  // e.g. "SSD", "HDD"
	DiskSize     int64  `json:"disksize,omitempty"`     // MB (10^6 bytes), e.g. 512110
	Firmware     string `json:"firmware,omitempty"`     // e.g. "2B2QEXM7"
	Interface    string `json:"interface,omitempty"`    // "SATA", "NVMe", "SCSI", "USB", "SAS", "IDE"
	Manufacturer string `json:"manufacturer,omitempty"` // e.g. "Samsung"
	Model        string `json:"model,omitempty"`        // e.g. "Samsung SSD 980 500GB"
	Name         string `json:"name,omitempty"`         // "sda", "nvme0n1", `\\.\PHYSICALDRIVE0`
	SCSICoID     string `json:"scsi_coid,omitempty"`
	SCSILun      string `json:"scsi_lun,omitempty"`
	SCSIUnID     string `json:"scsi_unid,omitempty"`
	SCSIChID     string `json:"scsi_chid,omitempty"`
	Serial       string `json:"serial,omitempty"`
	Type         string `json:"type,omitempty"` // "disk", "removable"...
	WWN          string `json:"wwn,omitempty"`
	EncryptName  string `json:"encrypt_name,omitempty"`
	EncryptAlgo  string `json:"encrypt_algo,omitempty"`
	EncryptStat  string `json:"encrypt_status,omitempty"`
	EncryptType  string `json:"encrypt_type,omitempty"`
}

// Drive is one mounted volume (file system).
type Drive struct {
	Description string `json:"description,omitempty"` // e.g. "Local Fixed Disk"
	Letter      string `json:"letter,omitempty"`      // Windows drive, e.g. "C:"
	SystemDrive *bool  `json:"systemdrive,omitempty"` // Windows: the system volume
	FileSystem  string `json:"filesystem,omitempty"`  // e.g. "ext4", "NTFS"
	Free        int64  `json:"free,omitempty"`        // MiB
	Serial      string `json:"serial,omitempty"`      // volume serial or file system UUID
	Total       int64  `json:"total,omitempty"`       // MiB
	Type        string `json:"type,omitempty"`        // Unix mount point, e.g. "/home"
	Volumn      string `json:"volumn,omitempty"`      // device, e.g. "/dev/nvme0n1p2" (sic: upstream spelling)
	CreateDate  string `json:"createdate,omitempty"`
	Label       string `json:"label,omitempty"`
	EncryptName string `json:"encrypt_name,omitempty"`   // "BitLocker", "cryptsetup", "FileVault"
	EncryptAlgo string `json:"encrypt_algo,omitempty"`   // e.g. "AES_256"
	EncryptStat string `json:"encrypt_status,omitempty"` // "Yes", "No", "Partially"
	EncryptType string `json:"encrypt_type,omitempty"`   // "software", "hardware"
}

// Monitor is one display, decoded from its EDID.
type Monitor struct {
	Base64       string `json:"base64,omitempty"`       // the raw EDID, base64
	Caption      string `json:"caption,omitempty"`      // EDID monitor name, e.g. "DELL P2419H"
	Description  string `json:"description,omitempty"`  // manufacture week/year, e.g. "32/2021"
	Manufacturer string `json:"manufacturer,omitempty"` // e.g. "Dell Inc."
	Serial       string `json:"serial,omitempty"`       // e.g. "CFV9N99T0XYL"
	AltSerial    string `json:"altserial,omitempty"`    // numeric EDID serial when different
	Port         string `json:"port,omitempty"`         // connector, e.g. "HDMI-A-1"
	Name         string `json:"name,omitempty"`
	Type         string `json:"type,omitempty"`
}

// Video is one graphics adapter.
type Video struct {
	Name       string `json:"name,omitempty"`       // e.g. "Intel Corporation TigerLake-LP GT2 [Iris Xe Graphics]"
	Chipset    string `json:"chipset,omitempty"`    // e.g. "Intel(R) Iris(R) Xe Graphics Family"
	Memory     int64  `json:"memory,omitempty"`     // MiB
	Resolution string `json:"resolution,omitempty"` // e.g. "1920x1080"
	PCISlot    string `json:"pcislot,omitempty"`    // e.g. "00:02.0"
}

// Battery is one battery.
type Battery struct {
	Capacity     int64  `json:"capacity,omitempty"`      // design capacity in mWh
	RealCapacity int64  `json:"real_capacity,omitempty"` // full-charge capacity in mWh
	Date         string `json:"date,omitempty"`          // manufacture date "YYYY-MM-DD"
	Chemistry    string `json:"chemistry,omitempty"`     // e.g. "Li-ion"
	Manufacturer string `json:"manufacturer,omitempty"`  // e.g. "SMP"
	Name         string `json:"name,omitempty"`          // model, e.g. "DELL RWT1R43"
	Serial       string `json:"serial,omitempty"`
	Voltage      int64  `json:"voltage,omitempty"` // mV
}

// Controller is one PCI (or similar) controller.
type Controller struct {
	Caption        string `json:"caption,omitempty"`
	Driver         string `json:"driver,omitempty"`         // e.g. "xhci_hcd"
	Manufacturer   string `json:"manufacturer,omitempty"`   // e.g. "Intel Corporation"
	Name           string `json:"name,omitempty"`           // e.g. "Tiger Lake-LP USB 3.2 Gen 2x1 xHCI Host Controller"
	PCISubsystemID string `json:"pcisubsystemid,omitempty"` // e.g. "17aa:22d8"
	PCIClass       string `json:"pciclass,omitempty"`       // e.g. "0c03"
	PCISlot        string `json:"pcislot,omitempty"`        // e.g. "00:14.0"
	ProductID      string `json:"productid,omitempty"`      // e.g. "a0ed"
	Rev            string `json:"rev,omitempty"`
	Type           string `json:"type,omitempty"` // e.g. "USB controller"
	VendorID       string `json:"vendorid,omitempty"`
	Model          string `json:"model,omitempty"`
	Serial         string `json:"serial,omitempty"`
}

// Sound is one audio device.
type Sound struct {
	Caption      string `json:"caption,omitempty"`
	Description  string `json:"description,omitempty"`
	Manufacturer string `json:"manufacturer,omitempty"`
	Name         string `json:"name,omitempty"`
}

// USBDevice is one USB device.
type USBDevice struct {
	Caption      string `json:"caption,omitempty"`
	Class        string `json:"class,omitempty"` // e.g. "9"
	Manufacturer string `json:"manufacturer,omitempty"`
	Name         string `json:"name,omitempty"`
	ProductID    string `json:"productid,omitempty"` // e.g. "8000"
	SubClass     string `json:"subclass,omitempty"`
	VendorID     string `json:"vendorid,omitempty"` // e.g. "8087"
	Serial       string `json:"serial,omitempty"`
}

// Printer is one printer queue configured on a computer.
type Printer struct {
	Description    string `json:"description,omitempty"`
	Driver         string `json:"driver,omitempty"` // e.g. "HP Universal Printing PCL 6"
	Name           string `json:"name"`             // queue name
	Network        *bool  `json:"network,omitempty"`
	Port           string `json:"port,omitempty"` // e.g. "IP_192.168.1.30", "ipp://..."
	PrintProcessor string `json:"printprocessor,omitempty"`
	Resolution     string `json:"resolution,omitempty"`
	Shared         *bool  `json:"shared,omitempty"`
	Status         string `json:"status,omitempty"`
	Comment        string `json:"comment,omitempty"`
	ServerName     string `json:"servername,omitempty"`
	ShareName      string `json:"sharename,omitempty"`
	Serial         string `json:"serial,omitempty"`
}

// Input is one keyboard or pointing device.
type Input struct {
	Caption      string `json:"caption,omitempty"`
	Description  string `json:"description,omitempty"`
	Type         string `json:"type,omitempty"`
	Name         string `json:"name,omitempty"`
	Manufacturer string `json:"manufacturer,omitempty"`
	Interface    string `json:"interface,omitempty"`
	Layout       string `json:"layout,omitempty"`
	PointingType string `json:"pointingtype,omitempty"`
}

// Firmware is one device firmware (not the BIOS).
type Firmware struct {
	Name         string `json:"name,omitempty"`
	Description  string `json:"description,omitempty"`
	Type         string `json:"type,omitempty"`
	Version      string `json:"version,omitempty"`
	Date         string `json:"date,omitempty"` // "YYYY-MM-DD"
	Manufacturer string `json:"manufacturer,omitempty"`
}

// PowerSupply is one power supply unit.
type PowerSupply struct {
	Name           string `json:"name,omitempty"`
	PowerMax       int64  `json:"power_max,omitempty"` // watts
	SerialNumber   string `json:"serialnumber,omitempty"`
	Manufacturer   string `json:"manufacturer,omitempty"`
	PartNum        string `json:"partnum,omitempty"`
	Model          string `json:"model,omitempty"`
	HotReplaceable *bool  `json:"hotreplaceable,omitempty"`
	Plugged        *bool  `json:"plugged,omitempty"`
	Status         string `json:"status,omitempty"`
	Location       string `json:"location,omitempty"`
}
