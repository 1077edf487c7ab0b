"""Politik: parliament, parties, elections, the palace. Party names are invented."""

from . import Angle, Desk

DESK = Desk(
    section="Politik",
    scenes=("gedung", "kota", "ilustrasi"),
    slots={
        "isu": (
            "revisi UU Pemilu",
            "ambang batas parlemen",
            "RUU Perampasan Aset",
            "jadwal pilkada serentak",
            "perombakan kabinet",
            "anggaran pendidikan",
            "pembangunan Ibu Kota Nusantara",
            "program makan bergizi gratis",
            "netralitas ASN",
            "nasib guru honorer",
            "RUU Penyiaran",
            "dana desa",
        ),
        "partai": (
            "Partai Karya Bangsa",
            "Partai Nusantara Maju",
            "Partai Suara Rakyat",
            "Partai Gema Persatuan",
            "Partai Cahaya Bangsa",
            "Partai Rakyat Mandiri",
        ),
    },
    roles=(
        "Ketua Komisi II DPR",
        "Wakil Ketua DPR",
        "Menteri Dalam Negeri",
        "Ketua KPU",
        "Anggota Bawaslu",
        "Ketua Umum {partai}",
        "Sekretaris Jenderal {partai}",
        "Kepala Staf Kepresidenan",
        "Ketua Fraksi {partai} di DPR",
        "Menteri Sekretaris Negara",
    ),
    experts=(
        "pengamat politik Universitas Indonesia",
        "peneliti lembaga pemantau pemilu",
        "Direktur Eksekutif sebuah lembaga survei",
        "pakar hukum tata negara Universitas Andalas",
    ),
    angles=(
        Angle(
            titles=(
                "DPR Kebut Pembahasan {isu}",
                "Fraksi di Senayan Terbelah Sikapi {isu}",
                "{panggilan}: Pembahasan {isu} Harus Terbuka",
            ),
            leads=(
                "DPR menargetkan pembahasan {isu} rampung sebelum masa reses. {tokoh} memastikan "
                "rapat kerja dengan pemerintah digelar maraton mulai pekan depan.",
                "Pembahasan {isu} kembali memanas di Kompleks Parlemen, Senayan, Jakarta. "
                "Sebagian fraksi meminta pemerintah menunda, sebagian lain mendesak segera "
                "disahkan.",
            ),
            facts=(
                "Rapat panitia kerja pada {hari} berlangsung hingga larut malam. Sebanyak "
                "{jumlah} daftar inventarisasi masalah belum disepakati.",
                "{partai} menjadi fraksi paling keras menolak. Mereka menilai naskah akademik "
                "belum menjawab keberatan masyarakat sipil.",
                "Pemerintah diwakili sejumlah pejabat eselon I yang membawa usulan perubahan "
                "terhadap {jumlah2} pasal.",
            ),
            tags=("DPR", "Legislasi"),
        ),
        Angle(
            titles=(
                "{partai} Buka Peluang Gabung Koalisi Pemerintah",
                "Manuver {partai} Jelang Pilkada {provinsi}",
                "{partai} Usung Kader Sendiri di Pilkada {provinsi}",
            ),
            leads=(
                "{partai} memberi sinyal kuat akan merapat ke pemerintahan. {tokoh} menyebut "
                "keputusan akhir diambil dalam rapat pimpinan nasional bulan ini.",
                "Peta koalisi menjelang pilkada di {provinsi} mulai berubah setelah {partai} "
                "menyatakan siap mengusung kadernya sendiri.",
            ),
            facts=(
                "Rapat pimpinan digelar tertutup di kantor pusat partai di Jakarta pada {hari} "
                "dan dihadiri pengurus dari {jumlah} provinsi.",
                "Survei terbaru menempatkan elektabilitas partai itu di kisaran {persen}, naik "
                "dibandingkan hasil pemilu sebelumnya.",
                "Sejumlah kader daerah disebut meminta pengurus pusat segera menentukan sikap "
                "agar mesin partai bisa bekerja sejak dini.",
            ),
            tags=("Partai Politik", "Pilkada"),
        ),
        Angle(
            titles=(
                "Bawaslu Temukan Dugaan Pelanggaran Netralitas ASN di {provinsi}",
                "KPU Pastikan Tahapan Pilkada {provinsi} Sesuai Jadwal",
                "Istana Tanggapi Kritik Soal {isu}",
            ),
            leads=(
                "Penyelenggara pemilu mencatat {jumlah} laporan dugaan pelanggaran di {provinsi} "
                "sepanjang bulan ini. Sebagian besar menyangkut netralitas aparatur sipil negara.",
                "Pemerintah menegaskan tidak ada yang ditutupi dalam kebijakan {isu}. {tokoh} "
                "meminta publik menilai dari data, bukan dari potongan video di media sosial.",
            ),
            facts=(
                "Laporan itu berasal dari pengawas di tingkat kecamatan dan sebagian dari aduan "
                "warga melalui kanal daring.",
                "Dari seluruh laporan, {jumlah2} di antaranya sudah diteruskan ke instansi "
                "terkait untuk ditindaklanjuti.",
                "Kritik terhadap kebijakan tersebut ramai sejak sepekan terakhir, terutama dari "
                "kalangan akademisi dan organisasi mahasiswa.",
            ),
            tags=("Pemilu", "Bawaslu", "KPU"),
        ),
    ),
    quotes=(
        "Kami tidak ingin undang-undang ini dibuat terburu-buru lalu digugat ke Mahkamah "
        "Konstitusi",
        "Semua masukan masyarakat kami catat dan akan dibahas satu per satu",
        "Pintu komunikasi dengan semua partai tetap terbuka",
        "Kami menghormati perbedaan pendapat, tapi keputusan harus diambil tepat waktu",
        "Jangan sampai kepentingan jangka pendek mengorbankan kepentingan rakyat",
        "Tahapan berjalan sesuai rencana dan anggarannya sudah tersedia",
        "Kami minta semua pihak menahan diri dan mengedepankan dialog",
    ),
    expert_quotes=(
        "Publik perlu diberi ruang yang cukup untuk memberi masukan",
        "Koalisi yang terlalu gemuk justru melemahkan fungsi pengawasan DPR",
        "Persoalannya bukan pada aturan, melainkan pada konsistensi pelaksanaannya",
        "Partai harus menjelaskan kepada pemilihnya mengapa sikapnya berubah",
    ),
    background=(
        "Isu {isu} sudah bergulir sejak awal tahun dan beberapa kali memicu perdebatan di "
        "ruang publik.",
        "Sejumlah organisasi masyarakat sipil sebelumnya menggelar diskusi terbuka dan "
        "menyerahkan catatan kritis kepada pimpinan DPR.",
        "Di media sosial, tagar terkait isu tersebut sempat menjadi topik terpopuler.",
        "Pemilihan kepala daerah serentak berikutnya akan digelar di {jumlah} daerah, "
        "termasuk di {provinsi}.",
    ),
    captions=(
        "Suasana rapat paripurna di Kompleks Parlemen, Senayan, Jakarta",
        "{tokoh} saat memberikan keterangan kepada wartawan",
        "Ilustrasi gedung DPR",
        "Petugas menyiapkan logistik pemilu di {kota}",
    ),
    tags=("Politik", "DPR"),
)
