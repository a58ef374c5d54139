// FLOOR for bench/run.mjs: vanilla JS rendering the `role` question (texts from
// content/text/ja/common.toml [q.role], options from content/questions.toml) on clicking
// start, with the widget's selectors. Not part of the widget.
'use strict';
(function () {
  var Q = {
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
  };

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }

  function renderQuestion(main) {
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
      row.append(el('input', { type: 'radio', class: 'kc-radio__input', id: id, name: 'kc-' + Q.id, value: o[0] }),
        el('label', { for: id, class: 'kc-radio__label' }, o[1]));
      radios.append(row);
    });
    fs.append(radios);
    form.append(fs, el('button', { type: 'submit', class: 'kc-button' }, '次へ進む'));
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    main.replaceChildren(form);
    location.hash = '#/q/' + Q.id;
    document.title = Q.title + ' - 協働チェック';
    h1.focus();
  }

  var start = document.querySelector('.kc-button--start');
  start.addEventListener('click', function () { renderQuestion(document.getElementById('kc-main')); });
  start.disabled = false;
})();
