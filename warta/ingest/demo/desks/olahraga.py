"""Olahraga: Liga 1, the national team, badminton."""

from . import Angle, Desk

DESK = Desk(
    section="Olahraga",
    scenes=("stadion", "cahaya", "ilustrasi"),
    slots={
        "skor": ("1-0", "2-1", "3-1", "2-0", "3-2", "4-1"),
        "turnamen": (
            "Indonesia Masters",
            "Kejuaraan Asia",
            "Piala Sudirman",
            "Malaysia Open",
            "Kejuaraan Dunia",
            "Piala Thomas",
        ),
    },
    roles=(
        "Pelatih {klub}",
        "Kapten {klub}",
        "Ketua Umum PSSI",
        "Sekretaris Jenderal PSSI",
        "Manajer Tim Nasional",
        "Kabid Binpres PBSI",
        "Menteri Pemuda dan Olahraga",
    ),
    experts=("pengamat sepak bola nasional", "mantan pemain tim nasional", "Ketua suporter {klub}"),
    angles=(
        Angle(
            titles=(
                "{klub} Tekuk {klub2} {skor}",
                "Ditahan {klub2}, {klub} Gagal Naik ke Puncak",
                "{klub} Perpanjang Rekor Tak Terkalahkan",
            ),
            leads=(
                "{klub} meraih kemenangan {skor} atas {klub2} dalam lanjutan Liga 1 di "
                "{kota}, {hari} malam. Tambahan tiga poin membawa mereka naik ke papan atas.",
                "{klub} harus puas berbagi angka saat menjamu {klub2}. Hasil itu membuat "
                "mereka tertahan di peringkat ketiga klasemen sementara.",
            ),
            facts=(
                "Gol pembuka lahir pada menit ke-{jumlah2} lewat sundulan memanfaatkan sepak "
                "pojok.",
                "Pertandingan disaksikan sekitar {jumlah} ribu penonton yang memadati stadion "
                "sejak sore.",
                "Tim tamu sempat mendapat peluang emas di menit-menit akhir, tetapi tendangan "
                "mereka masih membentur mistar.",
            ),
            tags=("Liga 1", "Sepak Bola"),
        ),
        Angle(
            titles=(
                "PSSI Umumkan {jumlah2} Pemain untuk Pemusatan Latihan Timnas",
                "Timnas Indonesia Uji Coba Lawan {negara}",
                "Pelatih Timnas Panggil Wajah Baru",
            ),
            leads=(
                "PSSI mengumumkan daftar pemain yang dipanggil untuk pemusatan latihan tim "
                "nasional. Sejumlah wajah baru dari klub Liga 1 masuk daftar.",
                "Tim nasional Indonesia dijadwalkan menjalani laga uji coba melawan {negara} "
                "sebagai persiapan menghadapi kualifikasi.",
            ),
            facts=(
                "Pemusatan latihan akan digelar di Jakarta selama dua pekan sebelum tim "
                "bertolak ke luar negeri.",
                "Beberapa pemain diaspora yang merumput di Eropa turut dipanggil.",
                "Tiket pertandingan dijual secara daring dan diperkirakan habis dalam hitungan "
                "jam.",
            ),
            tags=("Timnas Indonesia", "PSSI"),
        ),
        Angle(
            titles=(
                "Ganda Putra Indonesia Melaju ke Final {turnamen}",
                "Tunggal Putri Indonesia Terhenti di Perempat Final {turnamen}",
                "PBSI Evaluasi Hasil {turnamen}",
            ),
            leads=(
                "Ganda putra Indonesia memastikan tiket ke final {turnamen} setelah menang "
                "rubber game dalam laga yang berlangsung lebih dari satu jam.",
                "Langkah tunggal putri Indonesia di {turnamen} terhenti di perempat final. "
                "Ia kalah dari unggulan teratas dalam dua gim langsung.",
            ),
            facts=(
                "Pertandingan berjalan ketat sejak gim pertama dengan reli-reli panjang.",
                "Hasil ini menambah poin penting dalam perburuan tiket menuju Olimpiade.",
                "PBSI akan menggelar evaluasi menyeluruh sepulangnya tim ke Jakarta.",
            ),
            tags=("Bulu Tangkis", "PBSI"),
        ),
    ),
    quotes=(
        "Anak-anak bermain disiplin dan menjalankan instruksi dengan baik",
        "Kami tidak boleh cepat puas, masih banyak pertandingan tersisa",
        "Terima kasih kepada suporter yang terus mendukung kami",
        "Kami akan evaluasi, terutama soal penyelesaian akhir",
        "Target kami tetap juara, tidak ada yang berubah",
        "Persiapan sudah maksimal, tinggal bagaimana pemain tampil di lapangan",
    ),
    expert_quotes=(
        "Konsistensi menjadi pekerjaan rumah terbesar tim ini",
        "Regenerasi pemain harus dimulai dari kompetisi usia muda",
        "Lini tengah bermain sangat baik malam ini",
    ),
    background=(
        "Kedua tim memiliki sejarah rivalitas panjang dan selalu menyedot perhatian penonton.",
        "Musim ini, kompetisi diikuti 18 klub dari berbagai daerah di Indonesia.",
        "Prestasi olahraga Indonesia di tingkat internasional menjadi sorotan menjelang "
        "multiajang tahun depan.",
    ),
    captions=(
        "Suasana pertandingan {klub} melawan {klub2}",
        "Para pemain merayakan gol",
        "{tokoh} memberikan keterangan seusai pertandingan",
        "Ilustrasi stadion sepak bola",
    ),
    tags=("Olahraga",),
)
