// FLOOR for bench/run.mjs: vanilla JS rendering the first questions of the bench flow
// (role → idea → partner → purpose → open_to → synergy; texts from
// content/text/ja/common.toml [q.<id>], option ids from content/questions.toml) with the
// widget's selectors. Each Continue does what the widget does on a step: replace the
// question, then, once it is painted, push the hash route #/q/<next>, set document.title
// and focus the new h1. The back button re-renders the question in the hash. Not part of
// the widget.
'use strict';
(function () {
  // In the order of the bench flow; each question's Continue leads to the next one.
  // synergy is where the fifth step (open_to → synergy) lands; its Continue does nothing.
  var QS = [
    {
      id: 'role',
      title: 'あなたは、どの立場で取り組みますか？',
      why: '立場によって、協働の相手方として確かめることが変わるためです。',
      options: [
        ['individual', '市民個人'],
        ['neighbourhood', '町内会・自治会'],
        ['npo', '市民活動団体・NPO・ボランティア団体'],
        ['business', '企業・事業者'],
        ['school', '大学・学校・研究機関'],
        ['staff', '市の職員（自分の課の事業を考えている）'],
      ],
    },
    {
      id: 'idea',
      title: 'あなたの考えに一番近いものはどれですか？',
      why: '「協働」は、市民と市がそれぞれ役割と責任を持って一緒に取り組むことです。参加することや、市にお願いすることとは分けて考えます。',
      options: [
        ['join', '市や団体の催し・事業に、参加者や利用者として加わりたい'],
        ['together', '企画や運営から関わり、市（または他の団体）と役割を分けて一緒に取り組みたい'],
        ['request', '市に取り組んでほしい（自分たちは実施に加わらない）'],
        ['own', '市の支えは受けず、自分や仲間、地域だけで取り組みたい'],
        ['unsure', 'わからない'],
      ],
    },
    {
      id: 'partner',
      title: 'だれと一緒に取り組みますか？',
      why: '市の指針によって、市民どうし・団体どうしの協力を協働に含めるかどうかが違うためです。',
      options: [
        ['city', '市（市役所の担当課）と'],
        ['others', '市以外の団体や市民と（市は関わらない）'],
        ['undecided', 'まだ決めていない'],
      ],
    },
    {
      id: 'purpose',
      title: 'その取り組みの一番の目的は何ですか？',
      why: '協働は、地域や社会の課題を解決するための方法です。目的によっては、市が協働の相手になれません。',
      options: [
        ['public', '地域や社会の課題を解決すること（広く人の役に立つこと）'],
        ['fellowship', '会員や仲間どうしの楽しみや交流'],
        ['profit', '自分たちの会社やお店の営業・宣伝'],
        ['religious_political', '宗教活動、政治活動、選挙に関すること'],
        ['unsure', 'わからない'],
      ],
    },
    {
      id: 'open_to',
      title: 'だれが参加したり、利用したりできますか？',
      why: '特定の人だけのための取り組みは、市が一緒に取り組む理由が弱くなるためです。',
      options: [
        ['anyone', 'だれでも（広く市民に開かれている）'],
        ['members', '会員や特定の人だけ'],
        ['unsure', 'わからない'],
      ],
    },
    {
      id: 'synergy',
      title: '一緒に取り組むと、別々に行うより大きな成果が見込めますか？',
      why: '協働の目的は、互いの強みを組み合わせて、単独よりも良い成果を生むことです。',
      options: [
        ['yes', 'はい。互いの強み（知識、人手、場所、情報など）を生かせる'],
        ['cost', '主に市の費用や手間を減らすため'],
        ['unsure', 'わからない'],
      ],
    },
  ];
  var answers = {};

  // Furigana {漢字|よみ} does not occur in the ja texts; if it did, show the base text.
  function base(s) { return s.replace(/\{([^|{}]*)\|[^{}]*\}/g, '$1'); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = base(text);
    return e;
  }

  // As the widget (src/app/router.rs): history and focus wait until the step is painted.
  function afterPaint(job) {
    requestAnimationFrame(function () { setTimeout(job, 0); });
  }

  function indexOf(id) {
    for (var i = 0; i < QS.length; i++) if (QS[i].id === id) return i;
    return -1;
  }

  function renderQuestion(main, i) {
    var Q = QS[i];
    var form = el('form', { novalidate: '' });
    var fs = el('fieldset', { class: 'kc-fieldset', 'aria-describedby': 'kc-' + Q.id + '-why' });
    var legend = el('legend', { class: 'kc-legend' });
    var h1 = el('h1', { class: 'kc-h1', tabindex: '-1' }, Q.title);
    legend.append(h1);
    fs.append(legend, el('p', { class: 'kc-why', id: 'kc-' + Q.id + '-why' }, Q.why));
    var radios = el('div', { class: 'kc-radios' });
    Q.options.forEach(function (o) {
      var id = 'kc-' + Q.id + '-' + o[0];
      var row = el('div', { class: 'kc-radio' });
      var input = el('input', { type: 'radio', class: 'kc-radio__input', id: id, name: 'kc-' + Q.id, value: o[0] });
      if (answers[Q.id] === o[0]) input.checked = true;
      row.append(input, el('label', { for: id, class: 'kc-radio__label' }, o[1]));
      radios.append(row);
    });
    fs.append(radios);
    form.append(fs, el('button', { type: 'submit', class: 'kc-button' }, '次へ進む'));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var checked = form.querySelector('input[name="kc-' + Q.id + '"]:checked');
      if (!checked || i + 1 >= QS.length) return;
      answers[Q.id] = checked.value;
      var next = '#/q/' + QS[i + 1].id;
      renderQuestion(main, i + 1);
      afterPaint(function () { history.pushState(null, '', next); });
    });
    main.replaceChildren(form);
    afterPaint(function () {
      document.title = base(Q.title) + ' - 協働チェック';
      h1.focus();
    });
  }

  var main = document.getElementById('kc-main');
  var start = document.querySelector('.kc-button--start');
  start.addEventListener('click', function () {
    renderQuestion(main, 0);
    afterPaint(function () { history.pushState(null, '', '#/q/' + QS[0].id); });
  });
  // Back/forward between questions (the start page itself is not re-rendered).
  addEventListener('popstate', function () {
    var m = location.hash.match(/^#\/q\/([a-z_]+)$/);
    var i = m ? indexOf(m[1]) : -1;
    if (i >= 0) renderQuestion(main, i);
  });
  start.disabled = false;
})();
