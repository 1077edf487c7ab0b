"""Hukum: KPK, Kejaksaan Agung, Polri and the courts. Every defendant is invented."""

from . import Angle, Desk

DESK = Desk(
    section="Hukum",
    scenes=("gedung", "kota", "ilustrasi"),
    slots={
        "kasus": (
            "korupsi pengadaan alat kesehatan",
            "suap perizinan tambang",
            "korupsi dana hibah",
            "korupsi proyek jalan provinsi",
            "suap pengurusan perkara",
            "korupsi tata niaga timah",
            "pencucian uang hasil judi daring",
            "korupsi kuota impor gula",
            "korupsi pembangunan pasar",
            "pemerasan pengusaha",
        ),
        "lembaga": ("KPK", "Kejaksaan Agung", "Bareskrim Polri", "Kejaksaan Tinggi"),
    },
    roles=(
        "Juru Bicara KPK",
        "Wakil Ketua KPK",
        "Kapuspenkum Kejaksaan Agung",
        "Jaksa Agung Muda Tindak Pidana Khusus",
        "Kadiv Humas Polri",
        "Direktur Tindak Pidana Siber Bareskrim Polri",
        "Juru Bicara Mahkamah Agung",
        "Kapolda {provinsi}",
    ),
    experts=(
        "pakar hukum pidana Universitas Trisakti",
        "peneliti lembaga pemantau korupsi",
        "mantan penyidik KPK",
        "Ketua Lembaga Bantuan Hukum {kota}",
    ),
    angles=(
        Angle(
            titles=(
                "{lembaga} Tetapkan Kepala Dinas Tersangka Kasus {kasus}",
                "{lembaga} Periksa {jumlah} Saksi Kasus {kasus}",
                "Tersangka Kasus {kasus} di {provinsi} Ditahan",
            ),
            leads=(
                "{lembaga} menetapkan seorang kepala dinas di {provinsi} sebagai tersangka "
                "kasus {kasus}. Kerugian negara ditaksir mencapai {nilai}.",
                "Penyidik {lembaga} terus mendalami kasus {kasus}. Sebanyak {jumlah} saksi "
                "diperiksa sepanjang pekan ini, mulai dari pejabat daerah hingga pihak swasta.",
            ),
            facts=(
                "Tersangka langsung ditahan selama 20 hari pertama di rumah tahanan untuk "
                "kepentingan penyidikan.",
                "Penyidik juga menggeledah {jumlah2} lokasi, termasuk kantor dinas dan rumah "
                "pribadi tersangka, serta menyita dokumen dan barang bukti elektronik.",
                "Modusnya diduga menggelembungkan harga dan mengatur pemenang lelang sejak "
                "tahap perencanaan.",
            ),
            tags=("Korupsi", "Penyidikan"),
        ),
        Angle(
            titles=(
                "Terdakwa Kasus {kasus} Dituntut 9 Tahun Penjara",
                "Hakim Tolak Eksepsi Terdakwa Kasus {kasus}",
                "Saksi Ungkap Aliran Uang Kasus {kasus} di Persidangan",
            ),
            leads=(
                "Sidang perkara {kasus} di Pengadilan Tipikor {kota} memasuki babak baru. "
                "Jaksa penuntut umum membacakan tuntutan di hadapan majelis hakim pada {hari}.",
                "Majelis hakim Pengadilan Tipikor {kota} menolak nota keberatan terdakwa kasus "
                "{kasus} dan memerintahkan sidang dilanjutkan ke tahap pembuktian.",
            ),
            facts=(
                "Selain pidana badan, terdakwa dituntut membayar uang pengganti sebesar {nilai}. "
                "Jika tidak dibayar, harta bendanya akan disita dan dilelang.",
                "Dalam persidangan, seorang saksi mengaku pernah mengantarkan uang tunai dalam "
                "kardus ke sebuah rumah di {kota}.",
                "Kuasa hukum terdakwa menyatakan akan menyiapkan nota pembelaan yang dibacakan "
                "pekan depan.",
            ),
            tags=("Pengadilan Tipikor", "Korupsi"),
        ),
        Angle(
            titles=(
                "Polisi Bongkar Jaringan Judi Daring Beromzet {nilai}",
                "Bareskrim Tangkap {jumlah} Tersangka Penipuan Investasi Bodong",
                "Polda {provinsi} Ungkap Peredaran Narkoba Lintas Provinsi",
            ),
            leads=(
                "Kepolisian membongkar jaringan kejahatan yang beroperasi dari {kota} dan "
                "menangkap {jumlah} orang. Nilai transaksinya diperkirakan mencapai {nilai}.",
                "Aparat Polda {provinsi} menggagalkan peredaran narkoba yang dikendalikan dari "
                "dalam lembaga pemasyarakatan.",
            ),
            facts=(
                "Para tersangka ditangkap di lokasi berbeda dalam operasi serentak pada {hari} "
                "dini hari.",
                "Polisi menyita ratusan rekening, puluhan telepon genggam, serta sejumlah "
                "kendaraan yang diduga dibeli dari hasil kejahatan.",
                "Para tersangka dijerat pasal berlapis dengan ancaman hukuman di atas sepuluh "
                "tahun penjara.",
            ),
            tags=("Polri", "Kriminal"),
        ),
    ),
    quotes=(
        "Kami pastikan penanganan perkara ini profesional dan transparan",
        "Tidak ada yang kebal hukum, siapa pun yang terlibat akan kami mintai pertanggungjawaban",
        "Penyidik masih menelusuri aliran dana ke pihak-pihak lain",
        "Kami mengimbau masyarakat melapor bila mengetahui praktik serupa",
        "Pemeriksaan saksi akan terus dilakukan untuk melengkapi berkas perkara",
        "Aset hasil kejahatan akan kami kejar untuk memulihkan kerugian negara",
    ),
    expert_quotes=(
        "Efek jera hanya muncul jika perampasan aset berjalan beriringan dengan pidana badan",
        "Penegak hukum harus berani menyentuh aktor intelektualnya",
        "Kasus seperti ini selalu berulang karena pengawasan internal lemah",
        "Publik berhak tahu perkembangan perkara secara berkala",
    ),
    background=(
        "Kasus ini bermula dari laporan masyarakat yang diterima penyidik sejak tahun lalu.",
        "Sepanjang tahun ini, aparat penegak hukum telah menangani {jumlah} perkara "
        "korupsi di tingkat daerah.",
        "Putusan pengadilan atas perkara serupa sebelumnya kerap menjadi sorotan karena "
        "vonisnya dinilai ringan.",
        "Lembaga antikorupsi mencatat sektor pengadaan barang dan jasa masih menjadi "
        "ladang korupsi terbesar.",
    ),
    captions=(
        "Tersangka mengenakan rompi tahanan saat digiring petugas",
        "{tokoh} dalam konferensi pers",
        "Suasana sidang di Pengadilan Tipikor {kota}",
        "Ilustrasi penegakan hukum",
    ),
    tags=("Hukum",),
)
