/*
 * The home dashboard (issue 11): fetches /dashboard/data (the answer of GET /api/v1/dashboard, with the session) and draws it with ECharts (served from the jar). Every
 * bar, point and headline number carries the link to the rows behind it; clicking one opens it. The charts follow
 * the width of their cards (a ResizeObserver and the window's resize), so phones get them without sideways scroll.
 */
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || typeof echarts === 'undefined') {
    return;
  }
  var L = root.dataset;
  var charts = {};
  var data = null;
  var api = root.dataset.api;
  window.zsDashboard = { charts: charts, data: function () { return data; } };

  function fill(template, value) {
    return template.replace('{0}', value);
  }

  function number(value, amount) {
    var n = Number(value);
    return amount ? n.toLocaleString(document.documentElement.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : n.toLocaleString(document.documentElement.lang);
  }

  function chart(id) {
    var el = document.getElementById(id);
    if (!charts[id]) {
      charts[id] = echarts.init(el, null, { renderer: 'canvas' });
      charts[id].on('click', function (p) {
        var link = p.data && p.data.link;
        if (link) {
          window.location.href = link;
        }
      });
      if (window.ResizeObserver) {
        new ResizeObserver(function () { charts[id].resize(); }).observe(el);
      }
    }
    return charts[id];
  }

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
  });

  function narrow() {
    return window.innerWidth < 576;
  }

  var grid = function (left) {
    return { left: left || 8, right: 16, top: 36, bottom: 8, containLabel: true };
  };

  function figures(d) {
    var box = document.getElementById('dash-figures');
    box.innerHTML = '';
    d.totals.forEach(function (f) {
      var col = document.createElement('div');
      col.className = 'col-6 col-md-4 col-xl';
      var a = document.createElement('a');
      a.className = 'dash-figure';
      a.href = f.link;
      a.id = 'dash-figure-' + f.id;
      var v = document.createElement('span');
      v.className = 'dash-figure-value';
      v.textContent = number(f.value, f.amount);
      var l = document.createElement('span');
      l.className = 'dash-figure-label';
      l.textContent = f.label;
      a.appendChild(v);
      a.appendChild(l);
      col.appendChild(a);
      box.appendChild(col);
    });
  }

  function funnel(d) {
    var unit = d.scope === 'UNIT';
    var series = [{
      name: unit ? d.scopeLabel : L.count, type: 'bar', barMaxWidth: 36,
      label: { show: true, position: 'top' },
      data: d.funnel.map(function (s) { return { value: s.count, amount: s.amount, link: s.link }; })
    }];
    if (unit) {
      series.push({
        name: L.city, type: 'bar', barMaxWidth: 36, label: { show: true, position: 'top' },
        data: d.funnel.map(function (s) { return { value: s.cityCount, amount: s.cityAmount, link: s.cityLink }; })
      });
    }
    chart('dash-funnel').setOption({ animationDuration: 400,
      color: ['#1565c0', '#90a4ae'],
      tooltip: {
        trigger: 'item', formatter: function (p) {
          return p.seriesName + '<br>' + p.name + ': ' + number(p.value) + '<br>' + L.amount + ': ' + number(p.data.amount, true);
        }
      },
      legend: { show: unit, top: 0 },
      grid: grid(),
      xAxis: { type: 'category', data: d.funnel.map(function (s) { return s.label; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series
    }, true);
  }

  function completion(d) {
    var select = document.getElementById('dash-indicator');
    var none = document.getElementById('dash-completion-none');
    var city = document.getElementById('dash-completion-city');
    var el = document.getElementById('dash-completion');
    var previous = select.value;
    select.innerHTML = '';
    d.completion.forEach(function (c) {
      var o = document.createElement('option');
      o.value = c.field;
      o.textContent = c.label;
      select.appendChild(o);
    });
    if (!d.completion.length) {
      none.classList.remove('d-none');
      select.classList.add('d-none');
      city.textContent = '';
      el.classList.add('d-none');
      return;
    }
    none.classList.add('d-none');
    select.classList.remove('d-none');
    el.classList.remove('d-none');
    if (previous && d.completion.some(function (c) { return c.field === previous; })) {
      select.value = previous;
    }
    var c = d.completion.filter(function (x) { return x.field === select.value; })[0] || d.completion[0];
    city.textContent = L.cityPercent + ': ' + (c.cityPercent == null ? '-' : c.cityPercent + '%') + ' · '
      + L.pace + ': ' + c.pace + '%';
    el.style.height = Math.max(220, 60 + c.rows.length * 30) + 'px';
    var rows = c.rows.slice().reverse();
    var ch = chart('dash-completion');
    ch.resize();
    ch.setOption({ animationDuration: 400,
      tooltip: {
        trigger: 'item', formatter: function (p) {
          return p.name + '<br>' + L.percent + ': ' + p.value + '%<br>' + L.achieved + ': ' + p.data.achieved
            + ' / ' + L.target + ': ' + p.data.target + ' ' + c.unitLabel;
        }
      },
      grid: grid(),
      xAxis: { type: 'value', name: '%', max: function (v) { return Math.max(100, Math.ceil(v.max / 10) * 10); } },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.unitName; }),
        axisLabel: { width: narrow() ? 84 : 140, overflow: 'truncate' } },
      series: [{
        name: L.percent, type: 'bar', barMaxWidth: 20,
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: rows.map(function (r) {
          return {
            value: Number(r.percent), achieved: r.achieved, target: r.target, link: r.link,
            itemStyle: { color: r.own ? '#e65100' : (Number(r.percent) >= Number(c.pace) ? '#2e7d32' : '#1565c0') }
          };
        }),
        markLine: {
          symbol: 'none', silent: true, lineStyle: { color: '#c62828', type: 'dashed' },
          label: { formatter: L.pace + ' {c}%', position: 'end' },
          data: [{ xAxis: Number(c.pace) }]
        }
      }]
    }, true);
  }

  function funds(d) {
    var f = d.funds;
    chart('dash-funds').setOption({ animationDuration: 400,
      color: ['#1565c0', '#ffa000'],
      tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + ' ' + p.name + ': ' + number(p.value, true); } },
      legend: { top: 0 },
      grid: grid(),
      xAxis: { type: 'category', data: f.months.map(function (m) { return m.label; }) },
      yAxis: { type: 'value' },
      series: [{
        name: fill(L.thisYear, f.year), type: 'bar', barMaxWidth: 24,
        data: f.months.map(function (m) { return { value: Number(m.amount), link: m.link }; })
      }, {
        name: fill(L.lastYear, f.lastYear), type: 'line', symbolSize: 8,
        data: f.months.map(function (m) { return { value: Number(m.lastAmount), link: m.lastLink }; })
      }]
    }, true);
  }

  function chains(d) {
    var rows = d.chains.slice().reverse();
    var el = document.getElementById('dash-chains');
    el.style.height = Math.max(220, 50 + rows.length * 26) + 'px';
    var ch = chart('dash-chains');
    ch.resize();
    ch.setOption({ animationDuration: 400,
      color: ['#00897b'],
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + ': ' + p.value + '<br>' + L.amount + ': ' + number(p.data.amount, true); } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.label; }),
        axisLabel: { width: narrow() ? 84 : 140, overflow: 'truncate' } },
      series: [{
        type: 'bar', name: L.count, barMaxWidth: 18, label: { show: true, position: 'right' },
        data: rows.map(function (r) { return { value: r.count, amount: r.amount, link: r.link }; })
      }]
    }, true);
  }

  function key(d) {
    chart('dash-key').setOption({ animationDuration: 400,
      color: ['#6a1b9a'],
      tooltip: { trigger: 'item', formatter: function (p) { return p.name + ': ' + p.value + '<br>' + L.amount + ': ' + number(p.data.amount, true); } },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.keyProjects.map(function (s) { return s.label; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{
        type: 'bar', name: L.count, barMaxWidth: 36, label: { show: true, position: 'top' },
        data: d.keyProjects.map(function (s) { return { value: s.count, amount: s.amount, link: s.link }; })
      }]
    }, true);
  }

  function publications(d) {
    var list = document.getElementById('dash-publication-list');
    list.innerHTML = '';
    document.getElementById('dash-publications-none').classList.toggle('d-none', d.publications.length > 0);
    d.publications.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'list-group-item';
      var a = document.createElement('a');
      a.href = p.link;
      a.textContent = p.title;
      var meta = document.createElement('div');
      meta.className = 'small text-muted';
      meta.textContent = p.kind + (p.date ? ' · ' + p.date : '');
      li.appendChild(a);
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  function years(d) {
    var select = document.getElementById('dash-year');
    if (select.options.length) {
      return;
    }
    for (var y = d.year; y >= d.year - 2; y--) {
      var o = document.createElement('option');
      o.value = y;
      o.textContent = y;
      select.appendChild(o);
    }
    select.value = d.year;
  }

  function draw() {
    var d = data;
    document.getElementById('dash-scope').textContent = fill(L.scopeOf, d.scopeLabel);
    years(d);
    figures(d);
    funnel(d);
    completion(d);
    funds(d);
    chains(d);
    key(d);
    publications(d);
    root.dataset.ready = 'true';
  }

  function load(year) {
    var status = document.getElementById('dash-status');
    root.dataset.ready = 'false';
    fetch(api + (year ? '?year=' + encodeURIComponent(year) : ''), {
      headers: { 'Accept': 'application/json' }, credentials: 'same-origin'
    }).then(function (r) {
      if (!r.ok) {
        throw new Error(r.status);
      }
      return r.json();
    }).then(function (d) {
      data = d;
      status.textContent = '';
      status.classList.add('d-none');
      draw();
    }).catch(function () {
      status.classList.remove('d-none');
      status.textContent = L.failed;
    });
  }

  document.getElementById('dash-year').addEventListener('change', function (e) { load(e.target.value); });
  document.getElementById('dash-indicator').addEventListener('change', function () { if (data) { completion(data); } });
  load(null);
}());
