"""Static word and name lists from which the generator builds its vocabularies and people.

Everything here is plain data, fixed for a generator version: changing a list changes every corpus,
so bump ``corpusgen.GENERATOR_VERSION`` when you do. Each non-English list only holds characters that
every charset its language is written in (see ``charsets.LANGUAGE_CHARSETS``) can encode; the
vocabulary module checks this when it loads.
"""

# Common English words, roughly in order of frequency (the head of the Zipf curve).
ENGLISH_COMMON = """
the of and to a in is it you that he was for on are with as I his they be at one have this from or
had by hot word but what some we can out other were all there when up use your how said an each she
which do their time if will way about many then them write would like so these her long make thing
see him two has look more day could go come did number sound no most people my over know water than
call first who may down side been now find any new work part take get place made live where after
back little only round man year came show every good me give our under name very through just form
sentence great think say help low line differ turn cause much mean before move right boy old too same
tell does set three want air well also play small end put home read hand port large spell add even
land here must big high such follow act why ask men change went light kind off need house picture try
us again animal point mother world near build self earth father head stand own page should country
found answer school grow study still learn plant cover food sun four between state keep eye never
last let thought city tree cross farm hard start might story saw far sea draw left late run while
press close night real life few north open seem together next white children begin got walk example
ease paper group always music those both mark often letter until mile river car feet care second
book carry took science eat room friend began idea fish mountain stop once base hear horse cut sure
watch color face wood main enough plain girl usual young ready above ever red list though feel talk
bird soon body dog family direct pose leave song measure door product black short numeral class wind
question happen complete ship area half rock order fire south problem piece told knew pass since top
whole king space heard best hour better true during hundred five remember step early hold west ground
interest reach fast verb sing listen six table travel less morning ten simple several vowel toward
war lay against pattern slow center love person money serve appear road map rain rule govern pull
cold notice voice unit power town fine certain fly fall lead cry dark machine note wait plan figure
star box noun field rest correct able pound done beauty drive stood contain front teach week final
gave green oh quick develop ocean warm free minute strong special mind behind clear tail produce
fact street inch multiply nothing course stay wheel full force blue object decide surface deep moon
island foot system busy test record boat common gold possible plane stead dry wonder laugh thousand
ago ran check game shape equate miss brought heat snow tire bring yes distant fill east paint
language among
""".split()

# Words of office and project mail, woven into the head of the curve so that they are common.
ENGLISH_MAIL = """
meeting budget report invoice project release server deploy review schedule agenda quarterly team
manager management managing deadline contract client customer proposal draft update status issue
ticket version patch database backup network security password account payment shipping delivery
hotel flight conference slides presentation attached attachment document spreadsheet feedback thanks
regards please tomorrow today yesterday monday tuesday wednesday thursday friday weekend lunch dinner
coffee office holiday vacation receipt refund price quote estimate analysis results data summary
minutes notes action items approval legal compliance audit policy archive migration upgrade outage
incident maintenance support request discussion thread subscribe newsletter announcement event
workshop training hiring interview candidate offer salary forecast revenue expense cost sales
marketing campaign launch feature roadmap milestone sprint backlog bug fix merge branch commit
repository library package dependency performance benchmark latency throughput memory disk storage
cloud cluster kernel driver configuration settings error warning failure crash logs monitoring alert
dashboard metrics reports reporting
""".split()

# Per-language word lists, roughly by frequency. Latin-script lists mix plain and accented words.
GERMAN = """
und der die das mit für nicht bitte danke ist ein eine auch auf sich dem den wir sie ich es zu von
über schön Grüße Mädchen Frühling Käse Bäcker Gebühr Prüfung Lösung Änderung Übersicht Größe möchte
können müssen würde Besprechung Termin Bericht Rechnung Angebot Vertrag Kunde Projekt nächste Woche
heute morgen gestern Büro Urlaub Mitarbeiter Unterlagen Anhang Rückmeldung Grüßen freundlichen
Zusammenfassung Entwurf Straße
""".split()

FRENCH = """
le la les et pour avec merci bonjour de un une des est pas que qui dans sur nous vous je il elle ce
café déjà voilà naïve résumé français garçon été élève hôtel fenêtre forêt crème château bientôt très
où réunion équipe société année premier projet rapport facture devis contrat client semaine
aujourd demain hier bureau congés pièce jointe réponse cordialement à ça être problème
""".split()

SPANISH = """
el la los las y para con gracias hola de un una es no que en por su se lo como más pero señor año
mañana niño corazón canción información reunión través pequeño España jalapeño proyecto informe
factura presupuesto contrato cliente semana hoy ayer oficina vacaciones adjunto respuesta saludos
también después número página además está
""".split()

RUSSIAN = """
и в не на я быть он с что а по это она этот к но они мы как из у который то за свой весь год от
так о для ты же все тот мочь вы человек такой его сказать только или ещё бы себя один уже до время
если сам когда другой вот говорить наш мой знать стать при чтобы дело жизнь кто первый очень два
день её новый рука даже во со раз где там под можно ну какой после их работа без самый потом надо
хотеть ли слово идти большой должен место иметь сейчас тут лицо каждый друг нет теперь ни глаз
тоже тогда видеть вопрос через да здесь дом потому сторона думать сделать страна жить чем мир об
последний случай голова более делать смотреть ребёнок просто конечно сила конец перед несколько
вид система всегда работать между три понять пойти часть спросить город дать также никто понимать
получить отношение лишь второй именно сразу совещание бюджет отчёт проект письмо встреча договор
счёт клиент неделя сегодня завтра вчера офис отпуск вложение ответ спасибо пожалуйста
""".split()

# Japanese, Korean and Chinese words: only characters of JIS X 0208, KS X 1001, GB 2312 and Big5 in
# turn, so that iso-2022-jp / shift_jis / euc-jp, euc-kr, gb2312 and big5 can all carry them.
JAPANESE = """
会議 資料 確認 お願い します よろしく 今日 明日 昨日 予定 時間 担当 報告 連絡 件 について ご 本日
打ち合わせ 添付 ファイル 送付 いたします 皆様 お疲れ様です 先日 ありがとう ございます 修正 対応 検討
問題 質問 回答 変更 準備 開始 終了 日程 場所 東京 大阪 会社 部長 課長 社員 営業 開発 プロジェクト
進捗 状況 共有 ご確認 ください 宜しく 申し上げます メール 返信 内容 以下 以上 参加 出席 欠席 来週
今週 先週 月曜日 金曜日 午前 午後 番号 住所 見積 請求書 契約 納品 品質 テスト 仕様 設計 提出 期限
重要 至急 お知らせ 案内 予算 売上 計画 目標 結果 分析 改善 提案 説明 理解 情報 システム サーバー
障害 復旧 作業 完了 です ます が を は に で と も から まで
""".split()

KOREAN = """
안녕하세요 감사합니다 회의 자료 확인 부탁드립니다 오늘 내일 어제 일정 시간 담당 보고 연락 프로젝트 진행
상황 공유 질문 답변 변경 준비 시작 종료 장소 서울 부산 회사 부장 과장 사원 영업 개발 이메일 회신
내용 참석 다음 주 이번 월요일 금요일 오전 오후 전화 번호 주소 견적 계약 품질 테스트 설계 제출 기한
중요 긴급 공지 안내 예산 매출 계획 목표 결과 분석 개선 제안 설명 정보 시스템 서버 장애 복구 작업
완료 합니다 있습니다 없습니다 그리고 하지만
""".split()

CHINESE_SIMPLIFIED = """
你好 谢谢 会议 资料 确认 请 今天 明天 昨天 安排 时间 负责 报告 联系 项目 进展 情况 分享 问题 回答
修改 准备 开始 结束 地点 北京 上海 公司 经理 员工 销售 开发 邮件 回复 内容 以下 参加 下周 本周
星期一 星期五 上午 下午 电话 号码 地址 报价 合同 质量 测试 设计 提交 期限 重要 紧急 通知 预算 收入
计划 目标 结果 分析 改进 建议 说明 信息 系统 服务器 故障 恢复 工作 完成 我们 你们 他们 的 是 在 有
和 了 这 个
""".split()

CHINESE_TRADITIONAL = """
你好 謝謝 會議 資料 確認 請 今天 明天 昨天 安排 時間 負責 報告 聯繫 項目 進展 情況 分享 問題 回答
修改 準備 開始 結束 地點 台北 香港 公司 經理 員工 銷售 開發 郵件 回覆 內容 以下 參加 下週 本週
星期一 星期五 上午 下午 號碼 地址 報價 合約 品質 測試 設計 提交 期限 重要 緊急 通知 預算 收入 計畫
目標 結果 分析 改進 建議 說明 資訊 系統 伺服器 故障 恢復 工作 完成 我們 你們 他們 的 是 在 有 和
了 這 個
""".split()

# Pseudo-word syllables for the long tail of the vocabulary. No q, x, z, j or y: every planted Latin
# term has one of those letters, so the tail can never produce a planted word by chance.
TAIL_ONSETS = "b c d f g h k l m n p r s t v w br cl dr fl gr pl st tr ch sh th".split()
TAIL_VOWELS = "a e i o u ai ea ou ie".split()
TAIL_CODAS = ["", "", "", "n", "r", "s", "l", "t", "nd", "rk", "st"]

# People. Each entry: (display name, ASCII local part), grouped by culture; the people module pairs
# them with domains. Names with non-ASCII letters exercise encoded-word headers.
FIRST_EN = """
James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret
Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle
""".split()
LAST_EN = """
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark
Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores
""".split()

# (first, last, ascii first, ascii last)
FIRST_DE = [("Jürgen", "jurgen"), ("Björn", "bjorn"), ("Jörg", "jorg"), ("Sören", "soren"),
            ("Käthe", "kathe"), ("Günther", "gunther"), ("Ursula", "ursula"),
            ("Maximilian", "maximilian"), ("Anneliese", "anneliese"), ("Dörte", "dorte")]
LAST_DE = [("Müller", "mueller"), ("Schäfer", "schaefer"), ("Köhler", "koehler"), ("Weiß", "weiss"),
           ("Krüger", "krueger"), ("Fröhlich", "froehlich"), ("Böhm", "boehm"), ("Groß", "gross"),
           ("Schröder", "schroeder"), ("Hoffmann", "hoffmann")]
FIRST_FR = [("Élodie", "elodie"), ("François", "francois"), ("Hélène", "helene"), ("Amélie", "amelie"),
            ("Jérôme", "jerome"), ("Cécile", "cecile"), ("Gaël", "gael"), ("Noël", "noel"),
            ("Zoé", "zoe"), ("Loïc", "loic")]
LAST_FR = [("Lefèvre", "lefevre"), ("Gérard", "gerard"), ("Dupré", "dupre"), ("Bérard", "berard"),
           ("Rivière", "riviere"), ("Deschênes", "deschenes"), ("Lemaître", "lemaitre"),
           ("Fournier", "fournier"), ("Moreau", "moreau"), ("Benoît", "benoit")]
FIRST_ES = [("José", "jose"), ("María", "maria"), ("Jesús", "jesus"), ("Begoña", "begona"),
            ("Íñigo", "inigo"), ("Raúl", "raul"), ("Ángel", "angel"), ("Sofía", "sofia"),
            ("Martín", "martin"), ("Lucía", "lucia")]
LAST_ES = [("Núñez", "nunez"), ("Muñoz", "munoz"), ("Pérez", "perez"), ("Gómez", "gomez"),
           ("Fernández", "fernandez"), ("Ibáñez", "ibanez"), ("Suárez", "suarez"),
           ("Álvarez", "alvarez"), ("Sánchez", "sanchez"), ("Peña", "pena")]
FIRST_RU = [("Дмитрий", "dmitry"), ("Алексей", "alexey"), ("Сергей", "sergey"), ("Иван", "ivan"),
            ("Михаил", "mikhail"), ("Наталья", "natalya"), ("Ольга", "olga"), ("Татьяна", "tatyana"),
            ("Мария", "maria"), ("Екатерина", "ekaterina")]
LAST_RU = [("Иванов", "ivanov"), ("Смирнов", "smirnov"), ("Кузнецов", "kuznetsov"), ("Попов", "popov"),
           ("Соколов", "sokolov"), ("Лебедев", "lebedev"), ("Козлов", "kozlov"), ("Новиков", "novikov"),
           ("Морозов", "morozov"), ("Волков", "volkov")]
# Japanese names are written family name first.
LAST_JA = [("山田", "yamada"), ("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"),
           ("田中", "tanaka"), ("伊藤", "ito"), ("渡辺", "watanabe"), ("中村", "nakamura")]
FIRST_JA = [("太郎", "taro"), ("直子", "naoko"), ("健", "ken"), ("一郎", "ichiro"), ("美咲", "misaki"),
            ("翔太", "shota"), ("由美", "yumi"), ("大輔", "daisuke"), ("恵", "megumi"), ("誠", "makoto")]
NAMES_ZH = [("王芳", "wang.fang"), ("李伟", "li.wei"), ("张敏", "zhang.min"), ("刘洋", "liu.yang"),
            ("陈静", "chen.jing"), ("杨磊", "yang.lei"), ("赵丽", "zhao.li"), ("黄强", "huang.qiang"),
            ("周杰", "zhou.jie"), ("吴娜", "wu.na")]
NAMES_KO = [("김민준", "kim.minjun"), ("이서연", "lee.seoyeon"), ("박지훈", "park.jihoon"),
            ("최수빈", "choi.subin"), ("정예은", "jung.yeeun"), ("강도윤", "kang.doyoon"),
            ("조하은", "cho.haeun"), ("윤서준", "yoon.seojun"), ("장지우", "jang.jiwoo"),
            ("임채원", "lim.chaewon")]
